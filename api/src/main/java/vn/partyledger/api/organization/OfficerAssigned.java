package vn.partyledger.api.organization;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: a member holds an officer post in the organisation from {@code from}. */
public record OfficerAssigned(String organizationId, String memberId, OfficerRole role, LocalDate from, LocalDate to) implements OrganizationScoped {
}
