package vn.partyledger.api.task;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: the cell (optionally by the resolution of meeting {@code meetingId}) or its committee assigns a task to a
 * member. Assignee, description, due date and expected result are the "four clears" (T1). {@code householdIds}: the
 * households a HOUSEHOLD_GROUP task covers.
 */
public record AssignTask(@TargetAggregateIdentifier String taskId, String organizationId, String assigneeId,
                         AssigningBody assignedBy, String meetingId, TaskKind kind, String description,
                         List<String> householdIds, LocalDate dueDate, String expectedResult, LocalDate occurredOn)
        implements Fact {
}
