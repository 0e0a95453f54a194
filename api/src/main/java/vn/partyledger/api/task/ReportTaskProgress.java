package vn.partyledger.api.task;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: the assignee reports how the task is going. */
public record ReportTaskProgress(@TargetAggregateIdentifier String taskId, String note, LocalDate occurredOn)
        implements Fact {
}
