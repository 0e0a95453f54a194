package vn.partyledger.api.oversight;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: remedy number {@code remedyNo} is required of the subject organisation by {@code dueDate}. */
public record RemedyRequired(String caseId, String organizationId, String subjectOrganizationId, int remedyNo,
                             String text, LocalDate dueDate) implements OrganizationScoped {
}
