package vn.partyledger.api.organization;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: an organisation has had a new parent since {@code effectiveOn}; the old parent stays in its history. */
public record OrganizationReparented(String organizationId, String previousParentId, String newParentId, LocalDate effectiveOn) implements OrganizationScoped {
}
