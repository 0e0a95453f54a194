package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the temporary exemption ended. */
public record TemporaryExemptionEnded(String memberId, String organizationId, LocalDate endedOn) implements OrganizationScoped {
}
