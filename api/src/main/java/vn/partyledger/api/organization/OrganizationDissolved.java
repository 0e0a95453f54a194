package vn.partyledger.api.organization;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the organisation was dissolved. */
public record OrganizationDissolved(String organizationId, String reason, LocalDate effectiveOn) implements OrganizationScoped {
}
