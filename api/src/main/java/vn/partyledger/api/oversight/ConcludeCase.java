package vn.partyledger.api.oversight;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: conclude an open case with its conclusion and recommendations. */
public record ConcludeCase(@TargetAggregateIdentifier String caseId, String conclusion, List<String> recommendations,
                           LocalDate occurredOn) implements Fact {
}
