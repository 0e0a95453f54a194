package vn.partyledger.api.task;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: cancel an open task, for a stated reason. */
public record CancelTask(@TargetAggregateIdentifier String taskId, String reason, LocalDate occurredOn) implements Fact {
}
