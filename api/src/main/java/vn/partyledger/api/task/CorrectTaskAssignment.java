package vn.partyledger.api.task;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: correct what an open task's assignment recorded (event {@code correctsEventId}): its description, due date
 * or expected result, judged by the rules of the assignment (T1). A null field keeps its recorded value.
 */
public record CorrectTaskAssignment(@TargetAggregateIdentifier String taskId, String correctsEventId,
                                    String description, LocalDate dueDate, String expectedResult,
                                    LocalDate occurredOn) implements Fact {
}
