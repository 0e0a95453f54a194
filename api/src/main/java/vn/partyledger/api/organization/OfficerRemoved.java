package vn.partyledger.api.organization;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: a member no longer holds the post since {@code endedOn}. */
public record OfficerRemoved(String organizationId, String memberId, OfficerRole role, LocalDate endedOn) implements OrganizationScoped {
}
