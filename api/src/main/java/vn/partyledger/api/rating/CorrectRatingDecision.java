package vn.partyledger.api.rating;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: correct a clerical error in how the rating decision of event {@code correctsEventId} was recorded — the
 * level or score entered wrongly, or the decision's number — so that the record says what the deciding body decided.
 * Not a change of the decision: a complaint reopens the rating and it is decided again ({@link ReopenRating},
 * {@link RedecideRating}). The row is judged as the decision was, on its date. {@code decisionNo} null keeps the
 * recorded number; {@code quotaOverride} as on a decision.
 */
public record CorrectRatingDecision(@TargetAggregateIdentifier String roundId, String correctsEventId,
                                    DecisionRow rating, String decisionNo, Authority quotaOverride,
                                    LocalDate occurredOn) implements Fact {
}
