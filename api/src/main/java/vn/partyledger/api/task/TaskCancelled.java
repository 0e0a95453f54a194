package vn.partyledger.api.task;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the task was cancelled; it no longer counts as open, overdue or covering households. */
public record TaskCancelled(String taskId, String organizationId, String assigneeId, String reason,
                            LocalDate cancelledOn) implements OrganizationScoped {
}
