package vn.partyledger.api.rating;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: review a decided rating again (QĐ 124 Art. 13: the superior supervises, may cancel and re-rate). */
public record ReopenRating(@TargetAggregateIdentifier String roundId, String ratingId, ReopenReason reason,
                           String details, LocalDate occurredOn) implements Fact {
}
