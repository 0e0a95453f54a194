package vn.partyledger.api.rating;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;
import vn.partyledger.api.rules.rating.RatingLevel;

/** Intent: the subject's self-review with the level it proposes, and its score where the year's rule set has one. */
public record SubmitSelfReview(@TargetAggregateIdentifier String roundId, String ratingId, RatingLevel proposedLevel,
                               Score score, String summary, LocalDate occurredOn) implements Fact {
}
