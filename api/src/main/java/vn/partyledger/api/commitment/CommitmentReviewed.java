package vn.partyledger.api.commitment;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the cell reviewed the pledge. */
public record CommitmentReviewed(String commitmentId, String organizationId, String memberId, int year, String remarks,
                                 LocalDate reviewedOn) implements OrganizationScoped {
}
