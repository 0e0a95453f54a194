package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the member was removed from the roll. */
public record RollRemoved(String memberId, String organizationId, RollRemovalGround ground, String decisionNo, String decidedBy, LocalDate removedOn) implements OrganizationScoped {
}
