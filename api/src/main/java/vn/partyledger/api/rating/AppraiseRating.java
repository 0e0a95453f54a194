package vn.partyledger.api.rating;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;
import vn.partyledger.api.rules.rating.RatingLevel;

/** Intent: the advisory body appraises (thẩm định) the proposal and proposes a level to the deciding body. */
public record AppraiseRating(@TargetAggregateIdentifier String roundId, String ratingId, RatingLevel proposedLevel,
                             String remarks, LocalDate occurredOn) implements Fact {
}
