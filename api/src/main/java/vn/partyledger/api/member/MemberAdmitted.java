package vn.partyledger.api.member;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the candidate was admitted; probation runs 12 months from the ceremony, seniority counts from the decision date. */
public record MemberAdmitted(String memberId, String organizationId, String decisionNo, String decisionIssuer, LocalDate decisionDate, LocalDate ceremonyDate, List<Introducer> introducers, CellVote cellVote, LocalDate probationEndsOn) implements OrganizationScoped {
}
