package vn.partyledger.api.rules.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.RollMember;
import vn.partyledger.api.member.MemberStatus;

class CellMeetingsTest {

    private static final RollMember MEMBER = new RollMember("m", MemberStatus.OFFICIAL, false, false, false, false,
            false);

    @Test
    void aChiUyPreparationMeetingIsNoMembersDuty() {
        assertThat(CellMeetings.mustAttend(MeetingKind.COMMITTEE_PREP, MEMBER)).isFalse();
        assertThat(CellMeetings.mustAttend(MeetingKind.REGULAR, MEMBER)).isTrue();
        assertThat(CellMeetings.mustAttend(MeetingKind.THEMATIC, MEMBER)).isTrue();
    }

    @Test
    void exemptSuspendedAndAwayMembersNeedNotAttendButAGuestAttendsItsHost() {
        assertThat(CellMeetings.mustAttend(MeetingKind.REGULAR,
                new RollMember("m", MemberStatus.OFFICIAL, true, false, false, false, false))).isFalse();
        assertThat(CellMeetings.mustAttend(MeetingKind.REGULAR,
                new RollMember("m", MemberStatus.OFFICIAL, false, true, false, false, false))).isFalse();
        assertThat(CellMeetings.mustAttend(MeetingKind.REGULAR,
                new RollMember("m", MemberStatus.OFFICIAL, false, false, true, false, false))).isFalse();
        assertThat(CellMeetings.mustAttend(MeetingKind.REGULAR,
                new RollMember("m", MemberStatus.OFFICIAL, false, false, false, false, true))).isFalse();
        assertThat(CellMeetings.mustAttend(MeetingKind.REGULAR,
                new RollMember("m", MemberStatus.OFFICIAL, false, false, false, true, false))).isTrue();
    }

    @Test
    void theMonthlyMeetingRestsOnTheCharterBeforeHd12AndNothingBeforeTheCharter() {
        assertThat(CellMeetings.MONTHLY.at(LocalDate.of(2017, 5, 1)).basis()).startsWith("Điều lệ Đảng 2011, Điều 24:");
        assertThat(CellMeetings.MONTHLY.at(LocalDate.of(2019, 5, 1)).basis()).contains("HD 12-HD/BTCTW (2018)");
        assertThat(CellMeetings.MONTHLY.find(LocalDate.of(2010, 12, 31))).isEmpty();
        assertThat(CellMeetings.MATERIALS.find(LocalDate.of(2025, 10, 27))).isEmpty();
        assertThat(CellMeetings.MATERIALS.find(LocalDate.of(2025, 10, 28))).isPresent();
    }
}
