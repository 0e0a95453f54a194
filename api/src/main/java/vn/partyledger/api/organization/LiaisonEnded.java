package vn.partyledger.api.organization;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the liaison assignment ended. */
public record LiaisonEnded(String organizationId, String liaisonMemberId, LocalDate endedOn) implements OrganizationScoped {
}
