package vn.partyledger.api.rating;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.envelope.Fact;

/** Intent: decide a reopened rating again, in decision {@code decisionNo}. */
public record RedecideRating(@TargetAggregateIdentifier String roundId, String decisionNo, DecisionRow rating,
                             Authority quotaOverride, LocalDate occurredOn) implements Fact {
}
