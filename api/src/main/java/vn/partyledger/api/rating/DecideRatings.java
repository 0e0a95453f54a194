package vn.partyledger.api.rating;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: the deciding body decides a list of ratings in one document ({@code decisionNo}, dated {@code occurredOn}):
 * all rows or none. {@code quotaOverride} cites the authority that allows exceeding the R3 quota (null = none).
 */
public record DecideRatings(@TargetAggregateIdentifier String roundId, String decisionNo, List<DecisionRow> ratings,
                            Authority quotaOverride, LocalDate occurredOn) implements Fact {
}
