package vn.partyledger.api.organization;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the organisation was merged into {@code survivorId} and is no longer active. */
public record OrganizationMerged(String organizationId, String survivorId, LocalDate effectiveOn) implements OrganizationScoped {
}
