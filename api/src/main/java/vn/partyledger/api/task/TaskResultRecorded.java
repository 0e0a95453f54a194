package vn.partyledger.api.task;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the task's result; {@code late} when it came after the due date. */
public record TaskResultRecorded(String taskId, String organizationId, String assigneeId, TaskOutcome outcome,
                                 String evidence, LocalDate completedOn, boolean late) implements OrganizationScoped {
}
