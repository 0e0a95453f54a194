package vn.partyledger.api.commitment;

import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the pledge's sections are, correcting event {@code correctsEventId}, these. */
public record CommitmentCorrected(String commitmentId, String organizationId, String memberId, int year,
                                  CommitmentSections sections, String correctsEventId) implements OrganizationScoped {
}
