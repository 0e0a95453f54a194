package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the member's activity is suspended. */
public record ActivitySuspended(String memberId, String organizationId, String reason, String decisionNo, LocalDate suspendedOn) implements OrganizationScoped {
}
