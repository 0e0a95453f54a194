package vn.partyledger.query.meeting;

import static vn.partyledger.api.rules.regime.Regimes.HD_12_2018;

import java.time.LocalDate;
import java.util.Optional;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.api.rules.Rule;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.meeting.CellMeetings;
import vn.partyledger.api.rules.roll.RollRemoval;

/**
 * The calendar rules the meeting register judges a cell's year by (the per-meeting rules M3/M5-materials are judged on
 * the command side and arrive with MeetingClosed). M1, M2, M5 and P12 are the shared rules ({@link CellMeetings},
 * {@link RollRemoval}); each month is judged under the versions in force on its regular meeting's date, or on the
 * month's last day when none was held, and a rule with no version in force then is shown as not in force.
 */
final class RegisterRules {

    /**
     * Targets that are not central texts: a cell's congress resolution sets its attendance target, the superior
     * committee's working rules set the liaisons' quota; the figures here are defaults the caller may replace.
     *
     * @param attendanceTarget  the cell's congress target for attendance, percent ({@code defaultTargetPercent})
     * @param absencesExcused   the companion target: every absence excused
     * @param liaisonVisits     the superior committee's quota for its liaisons' visits
     */
    record Local(Rule attendanceTarget, int defaultTargetPercent, Rule absencesExcused, Rule liaisonVisits) {
    }

    /**
     * The rules in force on one date.
     *
     * @param monthly        M1: one regular meeting each month, on the cell's fixed day
     * @param thematic       M2: at least {@code perQuarter} thematic meetings per quarter
     * @param committeePrep  M5 (HD 42/2025): the chi ủy meets before the regular meeting; empty before it applied
     * @param rollRemoval    P12: absence without legitimate reason in some months of a year
     */
    record Policy(LocalDate on, Optional<Rule> monthly, Optional<CellMeetings.Thematic> thematic,
                  Optional<Rule> committeePrep, Local local, Optional<RollRemoval> rollRemoval) {

        RuleOutcome monthlyNotInForce() {
            return RuleOutcome.notInForce("M1", on, CellMeetings.MONTHLY.firstFrom());
        }

        RuleOutcome thematicNotInForce() {
            return RuleOutcome.notInForce("M2", on, CellMeetings.THEMATIC_PER_QUARTER.firstFrom());
        }

        RuleOutcome rollRemovalNotInForce() {
            return RuleOutcome.notInForce("P12", on, RollRemoval.VERSIONS.firstFrom());
        }
    }

    private final Effective<Local> local;

    RegisterRules(Effective<Local> local) {
        this.local = local;
    }

    Policy at(LocalDate date) {
        return new Policy(date, CellMeetings.MONTHLY.find(date), CellMeetings.THEMATIC_PER_QUARTER.find(date),
                CellMeetings.COMMITTEE_PREPARATION.find(date), local.at(date), RollRemoval.VERSIONS.find(date));
    }

    static RegisterRules standard() {
        // Hưng Kiều 2 [S2]: ≥ 95% attendance and every absence excused; a congress resolution sets it, so the figure
        // is a default the caller may replace with the cell's own target.
        Rule target = new Rule("AT1", "Nghị quyết đại hội chi bộ: chỉ tiêu tỷ lệ đảng viên dự sinh hoạt");
        Rule excused = new Rule("AT2", "Nghị quyết đại hội chi bộ: đảng viên vắng sinh hoạt đều có lý do");
        Rule liaison = new Rule("LV1", "Quy chế làm việc của cấp ủy cấp trên: cấp ủy viên phụ trách dự sinh hoạt "
                + "chi bộ theo định mức (An Tường: mỗi quý ít nhất 1 lần)");
        // Local targets rest on each cell's and committee's own resolutions, which exist whenever the cell does: the
        // first version reaches back rather than leaving older years without a target.
        return new RegisterRules(Effective.reachingBack(HD_12_2018.inForceFrom(),
                new Local(target, 95, excused, liaison)));
    }
}
