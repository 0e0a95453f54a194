package vn.partyledger.api.oversight;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: record a finding of an open case. */
public record RecordFinding(@TargetAggregateIdentifier String caseId, String text, LocalDate occurredOn)
        implements Fact {
}
