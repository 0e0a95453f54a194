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
}
