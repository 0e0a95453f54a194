package vn.partyledger.api.task;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the task was assigned on {@code assignedOn} with its four clears. */
public record TaskAssigned(String taskId, String organizationId, String assigneeId, AssigningBody assignedBy,
                           String meetingId, TaskKind kind, String description, List<String> householdIds,
                           LocalDate dueDate, String expectedResult, LocalDate assignedOn) implements OrganizationScoped {
}
