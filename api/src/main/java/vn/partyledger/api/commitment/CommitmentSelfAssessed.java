package vn.partyledger.api.commitment;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the member's year-end self-assessment of the pledge. */
public record CommitmentSelfAssessed(String commitmentId, String organizationId, String memberId, int year,
                                     boolean fulfilled, String assessment, LocalDate assessedOn)
        implements OrganizationScoped {
}
