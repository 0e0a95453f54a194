package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the member is official from {@code effectiveDate} (end of probation), even if decided later. */
public record MembershipMadeOfficial(String memberId, String organizationId, LocalDate effectiveDate, String decisionNo, LocalDate decisionDate, CellVote cellVote, boolean reviewedLate) implements OrganizationScoped {
}
