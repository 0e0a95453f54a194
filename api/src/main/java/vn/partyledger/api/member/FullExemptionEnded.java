package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the full exemption ended. */
public record FullExemptionEnded(String memberId, String organizationId, LocalDate endedOn) implements OrganizationScoped {
}
