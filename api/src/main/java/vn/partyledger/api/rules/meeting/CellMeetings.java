package vn.partyledger.api.rules.meeting;

import static vn.partyledger.api.meeting.MeetingKind.COMBINED;
import static vn.partyledger.api.meeting.MeetingKind.REGULAR;
import static vn.partyledger.api.meeting.MeetingKind.THEMATIC;
import static vn.partyledger.api.rules.regime.Regimes.CHARTER_2011;
import static vn.partyledger.api.rules.regime.Regimes.CT_50_2025;
import static vn.partyledger.api.rules.regime.Regimes.HD_12_2018;
import static vn.partyledger.api.rules.regime.Regimes.HD_42_2025;

import java.util.Map;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.RollMember;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.api.rules.Rule;

/**
 * The rules of cell meetings (domain.md §2.3), each versioned on the texts it rests on. The command side judges a
 * meeting when it is recorded (M1, M3, M5 materials); the query side judges the calendar at query time (M1 per month,
 * M2, M5 preparation, P12 on attendance). Both take the rules and their bases from here.
 */
public final class CellMeetings {

    /** M1: one regular meeting a month, on the cell's fixed day. The Charter itself sets the monthly meeting. */
    public static final Effective<Rule> MONTHLY = Effective
            .from(CHARTER_2011.inForceFrom(), new Rule("M1", CHARTER_2011.number() + ", Điều 24: chi bộ sinh hoạt "
                    + "thường kỳ mỗi tháng một lần"))
            .then(HD_12_2018.inForceFrom(), new Rule("M1", CHARTER_2011.number() + ", Điều 24; " + HD_12_2018.cite()
                    + ": sinh hoạt thường kỳ mỗi tháng một lần, vào ngày cố định của chi bộ"));

    /** M2: thematic meetings per quarter. */
    public record Thematic(Rule rule, int perQuarter) {
    }

    public static final Effective<Thematic> THEMATIC_PER_QUARTER = Effective.from(HD_12_2018.inForceFrom(),
            new Thematic(new Rule("M2", HD_12_2018.cite() + ": sinh hoạt chuyên đề ít nhất mỗi quý một lần"), 1));

    /** M3: the minimum length of a meeting, in minutes, per kind; a kind without one has no minimum. */
    public record Duration(Rule rule, Map<MeetingKind, Integer> minimumMinutes) {
        public Duration {
            minimumMinutes = Map.copyOf(minimumMinutes);
        }
    }

    public static final Effective<Duration> DURATION = Effective
            .from(HD_12_2018.inForceFrom(), new Duration(new Rule("M3", HD_12_2018.cite()
                    + ": thời gian sinh hoạt chi bộ"), Map.of(REGULAR, 90, THEMATIC, 90, COMBINED, 120)))
            .then(HD_42_2025.inForceFrom(), new Duration(new Rule("M3", HD_42_2025.cite()
                    + ": thời gian sinh hoạt chi bộ"), Map.of(REGULAR, 90, THEMATIC, 90, COMBINED, 120)));

    /** M5 (from HD 42/2025): materials on the e-handbook at least {@code daysBefore} days before the meeting. */
    public record Materials(Rule rule, int daysBefore) {
    }

    public static final Effective<Materials> MATERIALS = Effective.from(HD_42_2025.inForceFrom(),
            new Materials(new Rule("M5", CT_50_2025.cite() + "; " + HD_42_2025.cite()
                    + ": tài liệu trên Sổ tay đảng viên điện tử trước ít nhất 1 ngày"), 1));

    /** M5 (from HD 42/2025): the chi ủy (or the secretary) meets before the regular meeting to prepare it. */
    public static final Effective<Rule> COMMITTEE_PREPARATION = Effective.from(HD_42_2025.inForceFrom(),
            new Rule("M5", CT_50_2025.cite() + "; " + HD_42_2025.cite()
                    + ": chi ủy (bí thư) họp trước để chuẩn bị nội dung sinh hoạt"));

    private CellMeetings() {
    }

    /**
     * Whether a meeting of {@code kind} concerns the whole cell. A chi ủy preparation meeting concerns the cell
     * committee only: nobody else is asked to attend it, so it never counts for or against a member's attendance.
     */
    public static boolean concernsWholeCell(MeetingKind kind) {
        return kind != MeetingKind.COMMITTEE_PREP;
    }

    /**
     * Whether the member had to attend a meeting of {@code kind} (M8, for P12): the meeting concerns the whole cell and
     * the member was neither exempt, suspended nor temporarily transferred out. A guest transferred in attends the host
     * cell, so the host's meetings are theirs to attend, though the cell's attendance figure counts them apart.
     */
    public static boolean mustAttend(MeetingKind kind, RollMember member) {
        return concernsWholeCell(kind) && !member.fullyExempt() && !member.temporarilyExempt() && !member.suspended()
                && !member.temporarilyTransferredOut();
    }
}
