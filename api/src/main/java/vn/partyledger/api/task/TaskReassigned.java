package vn.partyledger.api.task;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the task moved from {@code previousAssigneeId} to {@code assigneeId}. */
public record TaskReassigned(String taskId, String organizationId, String previousAssigneeId, String assigneeId,
                             String reason, LocalDate reassignedOn) implements OrganizationScoped {
}
