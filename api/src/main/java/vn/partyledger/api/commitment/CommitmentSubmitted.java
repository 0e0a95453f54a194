package vn.partyledger.api.commitment;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the member's pledge for {@code year}, kept by the cell the member belonged to when submitting. */
public record CommitmentSubmitted(String commitmentId, String organizationId, String memberId, int year,
                                  CommitmentSections sections, LocalDate submittedOn) implements OrganizationScoped {
}
