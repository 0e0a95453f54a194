package vn.partyledger.api.task;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: a progress report on the task. */
public record TaskProgressReported(String taskId, String organizationId, String assigneeId, String note,
                                   LocalDate reportedOn) implements OrganizationScoped {
}
