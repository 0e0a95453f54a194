package vn.partyledger.query.meeting;

import java.time.LocalDate;
import java.util.Optional;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.api.rules.RuleOutcome;

/**
 * The calendar rules the meeting register judges a cell's year by (the per-meeting rules M3/M5-materials are judged on
 * the command side and arrive with MeetingClosed). Versioned by effective date: each month is judged under the version
 * in force on its regular meeting's date, or on the month's last day when none was held.
 */
final class RegisterRules {

    /** HD 12-HD/BTCTW (2018); exact issue date not available, the year start is used (see command MeetingRules). */
    static final LocalDate HD_12_2018 = LocalDate.of(2018, 1, 1);
    /** HD 42-HD/BTCTW (28/10/2025) implementing CT 50-CT/TW (23/7/2025). */
    static final LocalDate HD_42_2025 = LocalDate.of(2025, 10, 28);

    record Rule(String code, String basis) {
        RuleOutcome ok() {
            return RuleOutcome.ok(code, basis);
        }

        RuleOutcome warning(String message) {
            return RuleOutcome.warning(code, basis, message);
        }

        RuleOutcome violation(String message) {
            return RuleOutcome.violation(code, basis, message);
        }
    }

    /**
     * @param monthly           M1: one regular meeting each month, on the cell's fixed day
     * @param thematic          M2: at least {@code thematicPerQuarter} thematic meetings per quarter
     * @param committeePrep     M5 (HD 42/2025): the chi ủy meets before the regular meeting; empty before it applied
     * @param attendanceTarget  the cell's congress target for attendance, percent ({@code defaultTargetPercent})
     * @param absencesExcused   the companion target: every absence excused
     * @param rollRemoval       P12: absence without legitimate reason in {@code rollRemovalMonths} months of a year
     * @param liaisonVisits     the superior committee's quota for its liaisons' visits
     */
    record Policy(Rule monthly, Rule thematic, int thematicPerQuarter, Optional<Rule> committeePrep,
                  Rule attendanceTarget, int defaultTargetPercent, Rule absencesExcused, Rule rollRemoval,
                  int rollRemovalMonths, Rule liaisonVisits) {
    }

    private final Effective<Policy> versions;

    RegisterRules(Effective<Policy> versions) {
        this.versions = versions;
    }

    Policy at(LocalDate date) {
        return versions.at(date);
    }

    static RegisterRules standard() {
        Rule monthly = new Rule("M1", "Điều lệ Đảng 2011, Điều 24; HD 12-HD/BTCTW (2018): sinh hoạt thường kỳ mỗi "
                + "tháng một lần, vào ngày cố định của chi bộ");
        Rule thematic = new Rule("M2", "HD 12-HD/BTCTW (2018): sinh hoạt chuyên đề ít nhất mỗi quý một lần");
        // Hưng Kiều 2 [S2]: ≥ 95% attendance and every absence excused; a congress resolution sets it, so the figure
        // is a default the caller may replace with the cell's own target.
        Rule target = new Rule("AT1", "Nghị quyết đại hội chi bộ: chỉ tiêu tỷ lệ đảng viên dự sinh hoạt");
        Rule excused = new Rule("AT2", "Nghị quyết đại hội chi bộ: đảng viên vắng sinh hoạt đều có lý do");
        Rule p12 = new Rule("P12", "Điều lệ Đảng 2011, Điều 8; QĐ 24-QĐ/TW (30/7/2021): bỏ sinh hoạt 3 tháng trong "
                + "năm không có lý do chính đáng");
        Rule liaison = new Rule("LV1", "Quy chế làm việc của cấp ủy cấp trên: cấp ủy viên phụ trách dự sinh hoạt "
                + "chi bộ theo định mức (An Tường: mỗi quý ít nhất 1 lần)");
        Policy hd12 = new Policy(monthly, thematic, 1, Optional.empty(), target, 95, excused, p12, 3, liaison);
        Policy hd42 = new Policy(monthly, thematic, 1, Optional.of(new Rule("M5", "CT 50-CT/TW (23/7/2025); "
                + "HD 42-HD/BTCTW (28/10/2025): chi ủy (bí thư) họp trước để chuẩn bị nội dung sinh hoạt")),
                target, 95, excused, p12, 3, liaison);
        return new RegisterRules(Effective.from(HD_12_2018, hd12).then(HD_42_2025, hd42));
    }
}
