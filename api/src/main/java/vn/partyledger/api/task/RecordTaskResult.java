package vn.partyledger.api.task;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: record what the task achieved, with the evidence (minutes, report, photos' reference). */
public record RecordTaskResult(@TargetAggregateIdentifier String taskId, TaskOutcome outcome, String evidence,
                               LocalDate occurredOn) implements Fact {
}
