package vn.partyledger.command.meeting;

import static vn.partyledger.command.Refusals.invalidInput;
import static vn.partyledger.command.Refusals.wrongState;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.meeting.AttendanceCorrected;
import vn.partyledger.api.meeting.AttendanceRecorded;
import vn.partyledger.api.meeting.AttendanceStatus;
import vn.partyledger.api.meeting.CorrectAttendance;
import vn.partyledger.api.meeting.MeetingClosed;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.MeetingOpened;
import vn.partyledger.api.meeting.MeetingRetracted;
import vn.partyledger.api.meeting.MeetingScheduled;
import vn.partyledger.api.meeting.ResolutionAdopted;
import vn.partyledger.api.meeting.ResolutionSubject;
import vn.partyledger.api.meeting.RetractMeeting;
import vn.partyledger.api.meeting.RollMember;
import vn.partyledger.api.meeting.RollSnapshot;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.RuleOutcome;

/** Corrections of a meeting's facts go through the rules the original went through. */
class MeetingCorrectionTest {

    private static final String ID = "meeting-1";
    private static final String CELL = "cell-sao-do-2";
    private static final LocalDate MAY = LocalDate.of(2025, 5, 24);
    private static final LocalDate DECIDED = LocalDate.of(2025, 6, 24);
    private static final List<RollMember> ROLL = List.of(official("a"), official("b"), official("c"));

    private final FixtureConfiguration<Meeting> fixture = new AggregateTestFixture<>(Meeting.class);

    private static RollMember official(String id) {
        return new RollMember(id, MemberStatus.OFFICIAL, false, false, false, false, false);
    }

    private static Object[] heldWithCAbsent(int votesCast) {
        return new Object[] {
                new MeetingScheduled(ID, CELL, MeetingKind.REGULAR, MAY, List.of(), false, MAY),
                new MeetingOpened(ID, CELL, MAY, "a", "b", new RollSnapshot(3, 0, 0, 0, 0, 3, ROLL)),
                new AttendanceRecorded(ID, CELL, MAY, "a", AttendanceStatus.PRESENT, null, null),
                new AttendanceRecorded(ID, CELL, MAY, "b", AttendanceStatus.PRESENT, null, null),
                new AttendanceRecorded(ID, CELL, MAY, "c", AttendanceStatus.ABSENT_NO_REASON, null, null),
                new ResolutionAdopted(ID, CELL, 1, ResolutionSubject.GENERAL, "Nghị quyết", votesCast, 0, 0, 3,
                        RuleOutcome.ok("M6", "basis")),
                new MeetingClosed(ID, CELL, MeetingKind.REGULAR, MAY, 100, 2, 3, 1, List.of())};
    }

    @Test
    void anUnexcusedAbsenceCorrectedToExcusedCarriesTheRejudgedFigures() {
        fixture.given(heldWithCAbsent(2))
                .when(new CorrectAttendance(ID, "event-c", "c", AttendanceStatus.ABSENT_EXCUSED, "ốm", DECIDED))
                .expectEvents(new AttendanceCorrected(ID, CELL, MAY, "c", AttendanceStatus.ABSENT_EXCUSED, "ốm", true,
                        "event-c", 2, 3, 0));
    }

    @Test
    void anExcusedAbsenceStillNeedsItsReason() {
        fixture.given(heldWithCAbsent(2))
                .when(new CorrectAttendance(ID, "event-c", "c", AttendanceStatus.ABSENT_EXCUSED, null, DECIDED))
                .expectException(LedgerRefusalException.class)
                .expectExceptionDetails(invalidInput("replacement.reason"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionThatLeavesAResolutionWithMoreVotesThanVotersIsRefused() {
        // three votes were counted; excusing c leaves two who may vote (M6)
        fixture.given(heldWithCAbsent(3))
                .when(new CorrectAttendance(ID, "event-c", "c", AttendanceStatus.ABSENT_EXCUSED, "ốm", DECIDED))
                .expectExceptionDetails(invalidInput("replacement.status"))
                .expectNoEvents();
    }

    @Test
    void onlyRecordedAttendanceCanBeCorrected() {
        fixture.given(heldWithCAbsent(2))
                .when(new CorrectAttendance(ID, "event-x", "x", AttendanceStatus.PRESENT, null, DECIDED))
                .expectExceptionDetails(invalidInput("correctsEventId"))
                .expectNoEvents();
    }

    @Test
    void aRetractedMeetingTakesNoCorrectionAndNoSecondRetraction() {
        fixture.given(heldWithCAbsent(2))
                .andGiven(new MeetingRetracted(ID, CELL, MAY, "event-scheduled"))
                .when(new RetractMeeting(ID, "event-scheduled", DECIDED))
                .expectExceptionDetails(wrongState())
                .expectNoEvents();
        fixture.given(heldWithCAbsent(2))
                .andGiven(new MeetingRetracted(ID, CELL, MAY, "event-scheduled"))
                .when(new CorrectAttendance(ID, "event-c", "c", AttendanceStatus.ABSENT_EXCUSED, "ốm", DECIDED))
                .expectExceptionDetails(wrongState())
                .expectNoEvents();
    }

    @Test
    void aMeetingIsRetractedNamingTheEventThatRecordedIt() {
        fixture.given(heldWithCAbsent(2))
                .when(new RetractMeeting(ID, "event-scheduled", DECIDED))
                .expectEvents(new MeetingRetracted(ID, CELL, MAY, "event-scheduled"));
    }
}
