package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the suspension was lifted. */
public record MemberReinstated(String memberId, String organizationId, String decisionNo, LocalDate reinstatedOn) implements OrganizationScoped {
}
