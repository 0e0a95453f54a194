package vn.partyledger.api.rating;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;
import vn.partyledger.api.rules.rating.RatingSubject;

/**
 * Intent: put a subject on the round. One rating per subject in a round: {@link #idOf} (docs/decisions/0008); the id
 * names its round, so organisation and member ids (UUIDs) never clash with the ':' separators. {@code subjectId} is a member id for MEMBER and LEADER, an organisation id
 * otherwise; {@code organizationId} names the unit a LEADER heads (ignored for other subjects).
 */
public record OpenRating(@TargetAggregateIdentifier String roundId, String ratingId, RatingSubject subject,
                         String subjectId, String organizationId, LocalDate occurredOn) implements Fact {

    public static String idOf(String roundId, RatingSubject subject, String subjectId) {
        return roundId.replaceFirst("^round:", "rating:") + ":" + subject.name() + ":" + subjectId;
    }

    /** The round a rating id belongs to; null when {@code ratingId} is not a rating's id. */
    public static String roundOf(String ratingId) {
        String[] parts = ratingId == null ? new String[0] : ratingId.split(":", -1);
        if (parts.length != 5 || !parts[0].equals("rating") || !parts[2].matches("\\d{4}")) {
            return null;
        }
        return "round:" + parts[1] + ":" + parts[2];
    }
}
