package vn.partyledger.api.meeting;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.rules.RuleOutcome;

/** Result: {@code AttendanceRisk(cell, year)}: members with absences without legitimate reason (M7) and the P12 flag. */
public record AttendanceRisk(String organizationId, int year, List<MemberRisk> members, Provenance provenance) {

    /** {@code flaggedOn}: the meeting date that completed the months the flag needs; the decision is the committee's. */
    public record MemberRisk(String memberId, String fullName, String organizationId,
                             List<Integer> monthsWithoutLegitimateReason, boolean rollRemovalFlag,
                             LocalDate flaggedOn, RuleOutcome outcome) {
    }
}
