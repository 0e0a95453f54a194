package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the member is temporarily exempt from meetings until {@code until}. */
public record TemporaryExemptionGranted(String memberId, String organizationId, String reason, String decisionNo, LocalDate from, LocalDate until) implements OrganizationScoped {
}
