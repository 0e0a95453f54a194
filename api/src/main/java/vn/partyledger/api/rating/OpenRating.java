package vn.partyledger.api.rating;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;
import vn.partyledger.api.rules.rating.RatingSubject;

/**
 * Intent: put a subject on the round. {@code subjectId} is a member id for MEMBER and LEADER, an organisation id
 * otherwise; {@code organizationId} names the unit a LEADER heads (ignored for other subjects).
 */
public record OpenRating(@TargetAggregateIdentifier String roundId, String ratingId, RatingSubject subject,
                         String subjectId, String organizationId, LocalDate occurredOn) implements Fact {
}
