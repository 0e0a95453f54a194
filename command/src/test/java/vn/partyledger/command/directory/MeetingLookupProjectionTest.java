package vn.partyledger.command.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.MeetingRetracted;
import vn.partyledger.api.meeting.MeetingScheduled;
import vn.partyledger.api.meeting.RollMember;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.ExemptionGround;
import vn.partyledger.api.member.ExistingMemberEnrolled;
import vn.partyledger.api.member.FullExemptionGranted;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.member.RollRemovalGround;
import vn.partyledger.api.member.RollRemoved;
import vn.partyledger.api.member.TemporaryTransferEnded;
import vn.partyledger.api.member.TransferIssued;
import vn.partyledger.api.member.TransferKind;
import vn.partyledger.api.member.TransferReceived;

class MeetingLookupProjectionTest {

    private static final String CELL = "sao-do-2";
    private static final String HOST = "sao-do-1";
    private static final LocalDate ADMITTED = LocalDate.of(2010, 3, 1);
    private static final LocalDate OFFICIAL = LocalDate.of(2011, 3, 1);

    private static final NamedParameterJdbcTemplate jdbc = LookupDatabase.jdbc();

    private final MeetingLookupProjection projection = new MeetingLookupProjection(jdbc);
    private final JdbcMeetingRoll roll = new JdbcMeetingRoll(jdbc);

    @BeforeEach
    void emptyTables() {
        projection.reset();
    }

    private static String event() {
        return UUID.randomUUID().toString();
    }

    private void enrolled(String memberId, String cell, LocalDate officialOn) {
        projection.on(new ExistingMemberEnrolled(memberId, cell, "Lò Văn " + memberId, LocalDate.of(1970, 1, 1),
                Gender.MALE, "Thái", EducationLevel.UPPER_SECONDARY, ADMITTED, ADMITTED, officialOn,
                officialOn == null ? ADMITTED.plusYears(1) : null, null, "paper roll", LocalDate.of(2019, 12, 1)),
                event());
    }

    @Test
    void theRollOfADateShowsProbationaryMembersBeforeAndOfficialMembersAfterRecognition() {
        enrolled("a", CELL, OFFICIAL);

        assertThat(roll.on(CELL, ADMITTED.minusDays(1))).isEmpty();
        assertThat(roll.on(CELL, ADMITTED)).extracting(RollMember::membership).containsExactly(MemberStatus.PROBATIONARY);
        assertThat(roll.on(CELL, OFFICIAL)).extracting(RollMember::membership).containsExactly(MemberStatus.OFFICIAL);
    }

    @Test
    void exemptionRemovalAndTemporaryTransfersShapeTheRollOfEachDate() {
        enrolled("a", CELL, OFFICIAL);
        enrolled("b", CELL, OFFICIAL);
        enrolled("c", CELL, OFFICIAL);
        projection.on(new FullExemptionGranted("a", CELL, ExemptionGround.ELDERLY, "NQ 3", LocalDate.of(2024, 1, 1)),
                event());
        projection.on(new RollRemoved("b", CELL, RollRemovalGround.LEFT_PARTY_ACTIVITIES, "QĐ 9", "Đảng ủy xã",
                LocalDate.of(2024, 6, 1)), event());
        projection.on(new TransferIssued("c", CELL, HOST, null, TransferKind.TEMPORARY, "GT 1",
                LocalDate.of(2025, 1, 1), "work", LocalDate.of(2024, 2, 1)), event());
        projection.on(new TransferReceived("c", HOST, CELL, TransferKind.TEMPORARY, LocalDate.of(2024, 2, 10)),
                event());
        projection.on(new TemporaryTransferEnded("c", CELL, HOST, LocalDate.of(2024, 9, 1)), event());

        LocalDate march = LocalDate.of(2024, 3, 15);
        assertThat(roll.on(CELL, march)).containsExactly(
                new RollMember("a", MemberStatus.OFFICIAL, true, false, false, false, false),
                new RollMember("b", MemberStatus.OFFICIAL, false, false, false, false, false),
                new RollMember("c", MemberStatus.OFFICIAL, false, false, false, false, true));
        assertThat(roll.on(HOST, march)).containsExactly(
                new RollMember("c", MemberStatus.OFFICIAL, false, false, false, true, false));
        assertThat(roll.on(CELL, LocalDate.of(2024, 10, 1))).extracting(RollMember::memberId)
                .containsExactly("a", "c");
        assertThat(roll.on(HOST, LocalDate.of(2024, 10, 1))).isEmpty();
    }

    @Test
    void handlingTheSameEventTwiceChangesNothing() {
        String id = event();
        ExistingMemberEnrolled e = new ExistingMemberEnrolled("a", CELL, "Lò Văn A", LocalDate.of(1970, 1, 1),
                Gender.MALE, "Thái", EducationLevel.UPPER_SECONDARY, ADMITTED, ADMITTED, OFFICIAL, null, null,
                "paper roll", LocalDate.of(2019, 12, 1));
        projection.on(e, id);
        projection.on(e, id);

        assertThat(roll.on(CELL, OFFICIAL)).hasSize(1);
    }

    @Test
    void regularMeetingsOfAMonthAreFoundForM1() {
        LocalDate on = LocalDate.of(2025, 3, 24);
        projection.on(new MeetingScheduled("m1", CELL, MeetingKind.REGULAR, on, List.of(), false, on));
        projection.on(new MeetingScheduled("m2", CELL, MeetingKind.THEMATIC, on.minusDays(3), List.of(), false, on));
        projection.on(new MeetingScheduled("m3", CELL, MeetingKind.REGULAR, on.plusDays(2), List.of(), true, on));

        assertThat(roll.regularMeetings(CELL, YearMonth.of(2025, 3))).extracting(MeetingEntry::meetingId)
                .containsExactly("m1", "m3");
        assertThat(roll.regularMeetings(CELL, YearMonth.of(2025, 4))).isEmpty();
        assertThat(roll.find("m2")).contains(new MeetingEntry("m2", CELL, MeetingKind.THEMATIC, on.minusDays(3), false));
    }

    @Test
    void aRetractedMeetingIsNotTheMonthsRegularMeetingAndItsReplacementIsAccepted() {
        LocalDate on = LocalDate.of(2025, 3, 24);
        projection.on(new MeetingScheduled("wrong-cell", CELL, MeetingKind.REGULAR, on, List.of(), false, on));
        projection.on(new MeetingRetracted("wrong-cell", CELL, on, "event-of-wrong-cell"));
        projection.on(new MeetingScheduled("right", CELL, MeetingKind.REGULAR, on.plusDays(1), List.of(), false, on));

        assertThat(roll.regularMeetings(CELL, YearMonth.of(2025, 3))).extracting(MeetingEntry::meetingId)
                .containsExactly("right");
    }
}
