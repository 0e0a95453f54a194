package vn.partyledger.api.task;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the task's four clears as they stand after correcting event {@code correctsEventId}. */
public record TaskAssignmentCorrected(String taskId, String organizationId, String assigneeId, String description,
                                      LocalDate dueDate, String expectedResult, String correctsEventId)
        implements OrganizationScoped {
}
