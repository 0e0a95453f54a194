package vn.partyledger.api.rating;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;
import vn.partyledger.api.rules.rating.RatingLevel;

/** Intent: record the cell's discussion of a member's self-review: comments, the level it proposes and its vote. */
public record RecordCellReview(@TargetAggregateIdentifier String roundId, String ratingId, String comments,
                               RatingLevel proposedLevel, ReviewVote vote, LocalDate occurredOn) implements Fact {
}
