package vn.partyledger.api.meeting;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.rules.RuleOutcome;

/**
 * Result: {@code AttendanceRisk(cell, year)}: members with absences without legitimate reason (M7) and the P12 flag,
 * one page of them by member id. {@code total}: members listed over all pages (only flagged ones when the query asked
 * for those); {@code flagged}: members whose P12 flag is set, whatever was asked.
 */
public record AttendanceRisk(String organizationId, int year, List<MemberRisk> items, int page, int size, long total,
                             long flagged, Provenance provenance) {

    /** {@code flaggedOn}: the meeting date that completed the months the flag needs; the decision is the committee's. */
    public record MemberRisk(String memberId, String fullName, String organizationId,
                             List<Integer> monthsWithoutLegitimateReason, boolean rollRemovalFlag,
                             LocalDate flaggedOn, RuleOutcome outcome) {
    }
}
