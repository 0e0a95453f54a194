package vn.partyledger.api.task;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: the cell evaluates the recorded result. */
public record EvaluateTask(@TargetAggregateIdentifier String taskId, TaskLevel level, String remarks,
                           LocalDate occurredOn) implements Fact {
}
