package vn.partyledger.api.rating;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: the deciding body opens its rating round for {@code year}. One round per deciding body and year:
 * {@link #idOf(String, int)} (docs/decisions/0008).
 */
public record OpenRatingRound(@TargetAggregateIdentifier String roundId, String decidingBodyId, int year,
                              LocalDate occurredOn) implements Fact {

    public static String idOf(String decidingBodyId, int year) {
        return "round:" + decidingBodyId + ":" + year;
    }

    /** The deciding body a round id names; null when {@code roundId} is not a round's id. */
    public static String bodyOf(String roundId) {
        String[] parts = roundId == null ? new String[0] : roundId.split(":", -1);
        if (parts.length != 3 || !parts[0].equals("round") || !parts[2].matches("\\d{4}")) {
            return null;
        }
        return parts[1];
    }
}
