package vn.partyledger.api.task;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the cell's evaluation of the task; feeds the assignee's annual rating (T4). */
public record TaskEvaluated(String taskId, String organizationId, String assigneeId, TaskLevel level, String remarks,
                            LocalDate evaluatedOn) implements OrganizationScoped {
}
