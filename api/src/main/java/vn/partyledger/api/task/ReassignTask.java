package vn.partyledger.api.task;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: give the open task to another member of the cell, for a stated reason. */
public record ReassignTask(@TargetAggregateIdentifier String taskId, String assigneeId, String reason,
                           LocalDate occurredOn) implements Fact {
}
