package vn.partyledger.command.meeting;

import static vn.partyledger.api.meeting.MeetingKind.COMBINED;
import static vn.partyledger.api.meeting.MeetingKind.REGULAR;
import static vn.partyledger.api.meeting.MeetingKind.THEMATIC;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.command.meeting.MeetingPolicy.Duration;
import vn.partyledger.command.meeting.MeetingPolicy.Majority;
import vn.partyledger.command.meeting.MeetingPolicy.Materials;
import vn.partyledger.command.meeting.MeetingPolicy.OneRegularPerMonth;
import vn.partyledger.command.meeting.MeetingPolicy.PersonnelApproval;

/** The versions of {@link MeetingPolicy} by effective date; a handler parameter, so provinces can replace the bean. */
final class MeetingRules {

    /**
     * HD 12-HD/BTCTW (2018) on the content of cell meetings. Its exact issue date was not available; the year start is
     * used, and earlier facts are judged by this first version too (its thresholds match CT 10-CT/TW 2007 as cited).
     */
    static final LocalDate HD_12_2018 = LocalDate.of(2018, 1, 1);
    /** HD 42-HD/BTCTW (28/10/2025) implementing CT 50-CT/TW (23/7/2025). */
    static final LocalDate HD_42_2025 = LocalDate.of(2025, 10, 28);

    private final Effective<MeetingPolicy> versions;

    MeetingRules(Effective<MeetingPolicy> versions) {
        this.versions = versions;
    }

    MeetingPolicy at(LocalDate heldOn) {
        return versions.at(heldOn);
    }

    static MeetingRules standard() {
        OneRegularPerMonth m1 = new OneRegularPerMonth(new MeetingRule("M1",
                "Điều lệ Đảng 2011, Điều 24; HD 12-HD/BTCTW (2018): chi bộ sinh hoạt thường kỳ mỗi tháng một lần"));
        Majority m6 = new Majority(new MeetingRule("M6", "QĐ 24-QĐ/TW (30/7/2021) §9.3: quá nửa số được triệu tập"),
                1, 2);
        PersonnelApproval p4 = new PersonnelApproval(new MeetingRule("P4", "Điều lệ Đảng 2011, Điều 4 & Điều 5"),
                2, 3);
        MeetingPolicy hd12 = new MeetingPolicy(m1,
                new Duration(new MeetingRule("M3", "HD 12-HD/BTCTW (2018): thời gian sinh hoạt chi bộ"),
                        Map.of(REGULAR, 90, THEMATIC, 90, COMBINED, 120)),
                Optional.empty(), m6, p4);
        MeetingPolicy hd42 = new MeetingPolicy(m1,
                new Duration(new MeetingRule("M3", "HD 42-HD/BTCTW (28/10/2025): thời gian sinh hoạt chi bộ"),
                        Map.of(REGULAR, 90, THEMATIC, 90, COMBINED, 120)),
                Optional.of(new Materials(new MeetingRule("M5",
                        "CT 50-CT/TW (23/7/2025); HD 42-HD/BTCTW (28/10/2025): tài liệu trên Sổ tay đảng viên điện tử "
                                + "trước ít nhất 1 ngày"), 1)),
                m6, p4);
        return new MeetingRules(Effective.from(HD_12_2018, hd12).then(HD_42_2025, hd42));
    }
}
