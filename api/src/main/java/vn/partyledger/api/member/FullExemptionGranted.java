package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the member is fully exempt; still pays fees, is not rated. */
public record FullExemptionGranted(String memberId, String organizationId, ExemptionGround ground, String resolutionNo, LocalDate grantedOn) implements OrganizationScoped {
}
