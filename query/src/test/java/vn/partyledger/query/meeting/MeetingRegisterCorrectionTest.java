package vn.partyledger.query.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.envelope.Envelope;
import vn.partyledger.api.meeting.AttendanceCorrected;
import vn.partyledger.api.meeting.AttendanceRecorded;
import vn.partyledger.api.meeting.AttendanceRisk;
import vn.partyledger.api.meeting.AttendanceStatus;
import vn.partyledger.api.meeting.FindAttendanceRisk;
import vn.partyledger.api.meeting.FindMeeting;
import vn.partyledger.api.meeting.FindMeetingRegister;
import vn.partyledger.api.meeting.MeetingClosed;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.MeetingOpened;
import vn.partyledger.api.meeting.MeetingRetracted;
import vn.partyledger.api.meeting.MeetingScheduled;
import vn.partyledger.api.meeting.RollMember;
import vn.partyledger.api.meeting.RollSnapshot;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.query.ReadModelDatabase;
import vn.partyledger.query.organization.OrganizationFixture;
import vn.partyledger.query.organization.OrganizationTreeProjection;

/**
 * Corrections in the meeting register: the corrected value now, the recorded one "known at" an instant before the
 * correction, and the dependents (P12, absences without reason) re-judged; a retracted meeting counts nowhere.
 */
class MeetingRegisterCorrectionTest {

    private static final String CELL = "cell-na-tong-1";
    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");
    private static final Instant CORRECTED = Instant.parse("2025-07-01T00:00:00Z");
    private static final Clock JANUARY_2026 = Clock.fixed(Instant.parse("2026-01-15T00:00:00Z"), ZoneOffset.UTC);
    private static ReadModelDatabase db;

    private final List<AnnotationEventHandlerAdapter> handlers = List.of(
            new AnnotationEventHandlerAdapter(new OrganizationTreeProjection(db.jdbc())),
            new AnnotationEventHandlerAdapter(new MeetingRegisterProjection(db.jdbc())));
    private final List<Object> fed = new ArrayList<>();
    private final MeetingQueries queries = new MeetingQueries(db.jdbc(), JANUARY_2026, RegisterRules.standard());

    @BeforeAll
    static void start() {
        db = ReadModelDatabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void clean() {
        db.clean();
        feed(T0, OrganizationFixture.province("p", "Điện Biên"), OrganizationFixture.commune("c", "p", "Na Tông"),
                OrganizationFixture.cell(CELL, "c", "Na Tông 1", CellType.VILLAGE));
    }

    private void feed(Instant recordedAt, Object... events) {
        for (Object event : events) {
            fed.add(event);
            var message = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(fed.size()),
                    GenericEventMessage.asEventMessage(event)
                            .withMetaData(MetaData.with(Envelope.RECORDED_AT, recordedAt.toString())));
            for (AnnotationEventHandlerAdapter h : handlers) {
                try {
                    if (h.canHandle(message)) {
                        h.handle(message);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void meetingWithXAbsent(String id, LocalDate on) {
        List<RollMember> roll = List.of(new RollMember("x", MemberStatus.OFFICIAL, false, false, false, false, false),
                new RollMember("y", MemberStatus.OFFICIAL, false, false, false, false, false));
        feed(T0, new MeetingScheduled(id, CELL, MeetingKind.REGULAR, on, List.of(), false, on),
                new MeetingOpened(id, CELL, on, "y", "y", new RollSnapshot(2, 0, 0, 0, 0, 2, roll)),
                new AttendanceRecorded(id, CELL, on, "x", AttendanceStatus.ABSENT_NO_REASON, null, null),
                new AttendanceRecorded(id, CELL, on, "y", AttendanceStatus.PRESENT, null, null),
                new MeetingClosed(id, CELL, MeetingKind.REGULAR, on, 100, 1, 2, 1, List.of()));
    }

    /** Three months without a legitimate reason: x is flagged (P12) after May. */
    private void xAbsentInMarchAprilAndMay() {
        meetingWithXAbsent("m3", LocalDate.of(2025, 3, 24));
        meetingWithXAbsent("m4", LocalDate.of(2025, 4, 24));
        meetingWithXAbsent("m5", LocalDate.of(2025, 5, 24));
    }

    @Test
    void anAbsenceCorrectedToExcusedClearsP12NowButNotAsKnownBefore() {
        xAbsentInMarchAprilAndMay();
        feed(CORRECTED, new AttendanceCorrected("m5", CELL, LocalDate.of(2025, 5, 24), "x",
                AttendanceStatus.ABSENT_EXCUSED, "ốm", true, "event-x-may", 1, 2, 0));

        assertThat(queries.handle(new FindAttendanceRisk(CELL, 2025)).items().get(0).rollRemovalFlag()).isFalse();
        Instant before = CORRECTED.minusSeconds(1);
        var then = queries.handle(new FindAttendanceRisk(CELL, 2025, before));
        assertThat(then.items().get(0).rollRemovalFlag()).isTrue();
        assertThat(then.provenance().knownAt()).isEqualTo(before);
        assertThat(queries.handle(new FindMeetingRegister(CELL, 2025, null)).months().get(4).absentWithoutReason())
                .isZero();
        assertThat(queries.handle(new FindMeetingRegister(CELL, 2025, null, before)).months().get(4)
                .absentWithoutReason()).isEqualTo(1);
        assertThat(queries.handle(new FindMeeting("m5")).attendance()).anyMatch(a -> a.memberId().equals("x")
                && a.status() == AttendanceStatus.ABSENT_EXCUSED);
        assertThat(queries.handle(new FindMeeting("m5", before)).attendance()).anyMatch(a -> a.memberId().equals("x")
                && a.status() == AttendanceStatus.ABSENT_NO_REASON);
    }

    @Test
    void aPresenceCorrectedToAnAbsenceWithoutReasonCountsTowardsP12FromItsCorrection() {
        meetingWithXAbsent("m3", LocalDate.of(2025, 3, 24));
        feed(CORRECTED, new AttendanceCorrected("m3", CELL, LocalDate.of(2025, 3, 24), "y",
                AttendanceStatus.ABSENT_NO_REASON, null, null, "event-y-march", 0, 2, 2));

        assertThat(queries.handle(new FindAttendanceRisk(CELL, 2025)).items())
                .extracting(AttendanceRisk.MemberRisk::memberId).containsExactly("x", "y");
        assertThat(queries.handle(new FindAttendanceRisk(CELL, 2025, CORRECTED.minusSeconds(1))).items())
                .extracting(AttendanceRisk.MemberRisk::memberId).containsExactly("x");
    }

    @Test
    void theRiskListComesInPagesByMemberAndCanListOnlyFlaggedMembers() {
        xAbsentInMarchAprilAndMay();
        feed(CORRECTED, new AttendanceCorrected("m5", CELL, LocalDate.of(2025, 5, 24), "y",
                AttendanceStatus.ABSENT_REASON_REJECTED, "đi chơi", false, "event-y-may", 0, 2, 2));

        AttendanceRisk first = queries.handle(new FindAttendanceRisk(CELL, 2025, null, false, 0, 1));
        assertThat(first.items()).extracting(AttendanceRisk.MemberRisk::memberId).containsExactly("x");
        assertThat(first.total()).isEqualTo(2);
        assertThat(first.flagged()).isEqualTo(1);
        assertThat(queries.handle(new FindAttendanceRisk(CELL, 2025, null, false, 1, 1)).items())
                .extracting(AttendanceRisk.MemberRisk::memberId).containsExactly("y");
        assertThat(queries.handle(new FindAttendanceRisk(CELL, 2025, null, false, 2, 1)).items()).isEmpty();
        AttendanceRisk flaggedOnly = queries.handle(new FindAttendanceRisk(CELL, 2025, null, true, 0, 50));
        assertThat(flaggedOnly.items()).extracting(AttendanceRisk.MemberRisk::memberId).containsExactly("x");
        assertThat(flaggedOnly.total()).isEqualTo(1);
    }

    @Test
    void aRetractedMeetingCountsNowhereAfterItsRetractionWasRecorded() {
        meetingWithXAbsent("m3", LocalDate.of(2025, 3, 24));
        feed(CORRECTED, new MeetingRetracted("m3", CELL, LocalDate.of(2025, 3, 24), "event-m3"));
        assertThat(queries.handle(new FindMeetingRegister(CELL, 2025, null)).months().get(2).cellsMet()).isZero();
        assertThat(queries.handle(new FindAttendanceRisk(CELL, 2025)).items()).isEmpty();
        assertThat(queries.handle(new FindMeetingRegister(CELL, 2025, null, CORRECTED.minusSeconds(1))).months()
                .get(2).cellsMet()).isEqualTo(1);
        assertThat(queries.handle(new FindMeeting("m3")).state()).isEqualTo("RETRACTED");
        // before anything about it was recorded, the meeting was not in the ledger at all
        assertThat(queries.handle(new FindMeetingRegister(CELL, 2025, null, T0.minusSeconds(1))).months().get(2)
                .cellsMet()).isZero();
    }
}
