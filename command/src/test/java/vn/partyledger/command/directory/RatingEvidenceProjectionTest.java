package vn.partyledger.command.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.partyledger.api.commitment.CommitmentSections;
import vn.partyledger.api.commitment.CommitmentSelfAssessed;
import vn.partyledger.api.commitment.CommitmentSubmitted;
import vn.partyledger.api.meeting.AttendanceCorrected;
import vn.partyledger.api.meeting.AttendanceRecorded;
import vn.partyledger.api.meeting.AttendanceStatus;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.MeetingRetracted;
import vn.partyledger.api.meeting.MeetingScheduled;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.ExemptionGround;
import vn.partyledger.api.member.ExistingMemberEnrolled;
import vn.partyledger.api.member.FullExemptionGranted;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.rules.rating.MemberYearEvidence;
import vn.partyledger.api.rules.rating.MemberYearEvidence.CommitmentStatus;
import vn.partyledger.api.rules.rating.TaskFact;
import vn.partyledger.api.task.AssigningBody;
import vn.partyledger.api.task.TaskAssigned;
import vn.partyledger.api.task.TaskCancelled;
import vn.partyledger.api.task.TaskKind;
import vn.partyledger.api.task.TaskOutcome;
import vn.partyledger.api.task.TaskReassigned;
import vn.partyledger.api.task.TaskResultRecorded;

class RatingEvidenceProjectionTest {

    private static final String CELL = "na-tong-ban-1";
    private static final LocalDate ADMITTED = LocalDate.of(2000, 3, 1);
    private static final LocalDate DECIDED = LocalDate.of(2025, 12, 20);

    private static final NamedParameterJdbcTemplate jdbc = LookupDatabase.jdbc();

    private final RatingEvidenceProjection evidence = new RatingEvidenceProjection(jdbc);
    private final MeetingLookupProjection roll = new MeetingLookupProjection(jdbc);
    private final JdbcRatingLookups lookups = new JdbcRatingLookups(jdbc);

    @BeforeEach
    void emptyTables() {
        evidence.reset();
        roll.reset();
    }

    private void enrolled(String memberId) {
        roll.on(new ExistingMemberEnrolled(memberId, CELL, "Lò Văn " + memberId, LocalDate.of(1970, 1, 1),
                Gender.MALE, "Thái", EducationLevel.UPPER_SECONDARY, ADMITTED, ADMITTED, ADMITTED.plusYears(1), null,
                null, "paper roll", LocalDate.of(2019, 12, 1)), UUID.randomUUID().toString());
    }

    private void meeting(String id, MeetingKind kind, LocalDate on, String member, AttendanceStatus status) {
        roll.on(new MeetingScheduled(id, CELL, kind, on, List.of("tháng"), false, on.minusDays(5)));
        evidence.on(new AttendanceRecorded(id, CELL, on, member, status, null, null));
    }

    private static TaskAssigned task(String id, String assignee, LocalDate due) {
        return new TaskAssigned(id, CELL, assignee, AssigningBody.CELL, null, TaskKind.MASS_ORG, "Việc " + id,
                List.of(), due, "kết quả", LocalDate.of(2025, 1, 10));
    }

    private void feed() {
        enrolled("xuan");
        enrolled("hoa");
        meeting("m-1", MeetingKind.REGULAR, LocalDate.of(2025, 1, 24), "xuan", AttendanceStatus.PRESENT);
        meeting("m-2", MeetingKind.REGULAR, LocalDate.of(2025, 2, 24), "xuan", AttendanceStatus.ABSENT_NO_REASON);
        meeting("m-3", MeetingKind.REGULAR, LocalDate.of(2025, 3, 24), "xuan", AttendanceStatus.ABSENT_EXCUSED);
        // the chi ủy's preparation meeting concerns the cell committee only: never counted for the member's year
        meeting("m-4", MeetingKind.COMMITTEE_PREP, LocalDate.of(2025, 4, 22), "xuan",
                AttendanceStatus.ABSENT_NO_REASON);
        meeting("m-0", MeetingKind.REGULAR, LocalDate.of(2024, 12, 24), "xuan", AttendanceStatus.ABSENT_NO_REASON);
        evidence.on(task("t-on-time", "xuan", LocalDate.of(2025, 6, 30)));
        evidence.on(new TaskResultRecorded("t-on-time", CELL, "xuan", TaskOutcome.ACHIEVED, "ok",
                LocalDate.of(2025, 6, 1), false));
        evidence.on(task("t-late", "hoa", LocalDate.of(2025, 6, 30)));
        evidence.on(new TaskReassigned("t-late", CELL, "hoa", "xuan", "hoa moved", LocalDate.of(2025, 3, 1)));
        evidence.on(new TaskResultRecorded("t-late", CELL, "xuan", TaskOutcome.ACHIEVED, "ok",
                LocalDate.of(2025, 7, 15), true));
        evidence.on(task("t-overdue", "xuan", LocalDate.of(2025, 9, 30)));
        evidence.on(task("t-cancelled", "xuan", LocalDate.of(2025, 9, 30)));
        evidence.on(new TaskCancelled("t-cancelled", CELL, "xuan", "no longer needed", LocalDate.of(2025, 5, 1)));
        evidence.on(task("t-next-year", "xuan", LocalDate.of(2026, 1, 31)));
        evidence.on(new CommitmentSubmitted("xuan:2025", CELL, "xuan", 2025,
                new CommitmentSections("a", "b", "c", "d", "e", "f"), LocalDate.of(2025, 1, 15)));
        evidence.on(new CommitmentSelfAssessed("xuan:2025", CELL, "xuan", 2025, true, "kept", DECIDED));
    }

    @Test
    void aMembersYearShowsMeetingsTasksAndCommitmentAsTheLedgerRecordedThem() {
        feed();

        MemberYearEvidence xuan = lookups.evidence(List.of("xuan", "hoa"), 2025, DECIDED).get("xuan");

        assertThat(xuan.meetingsRequired()).isEqualTo(3);
        assertThat(xuan.meetingsAttended()).isEqualTo(1);
        assertThat(xuan.monthsWithoutLegitimateReason()).containsExactly("2025-02");
        assertThat(xuan.tasks()).extracting(TaskFact::taskId, TaskFact::status).containsExactly(
                tuple("t-late", TaskFact.Status.LATE), tuple("t-on-time", TaskFact.Status.ON_TIME),
                tuple("t-overdue", TaskFact.Status.OVERDUE));
        assertThat(xuan.commitment()).isEqualTo(CommitmentStatus.SELF_ASSESSED_FULFILLED);
        assertThat(xuan.admittedOn()).isEqualTo(ADMITTED);
        MemberYearEvidence hoa = lookups.evidence(List.of("hoa"), 2025, DECIDED).get("hoa");
        assertThat(hoa.tasks()).isEmpty();
        assertThat(hoa.commitment()).isEqualTo(CommitmentStatus.NOT_SUBMITTED);
    }

    @Test
    void aRetractedMeetingAndACorrectedAbsenceAreJudgedAsCorrected() {
        feed();
        roll.on(new MeetingRetracted("m-1", CELL, LocalDate.of(2025, 1, 24), "event-of-m-1"));
        evidence.on(new AttendanceCorrected("m-2", CELL, LocalDate.of(2025, 2, 24), "xuan",
                AttendanceStatus.ABSENT_EXCUSED, "ốm", true, "event-of-absence", 0, 1, 0));

        MemberYearEvidence xuan = lookups.evidence(List.of("xuan"), 2025, DECIDED).get("xuan");

        assertThat(xuan.meetingsRequired()).isEqualTo(2);
        assertThat(xuan.meetingsAttended()).isZero();
        assertThat(xuan.monthsWithoutLegitimateReason()).isEmpty();
    }

    @Test
    void aTaskNotYetDueOnTheDecisionDateIsOpenNotOverdue() {
        feed();

        MemberYearEvidence early = lookups.evidence(List.of("xuan"), 2025, LocalDate.of(2025, 9, 1)).get("xuan");

        assertThat(early.tasks()).filteredOn(t -> t.taskId().equals("t-overdue"))
                .extracting(TaskFact::status).containsExactly(TaskFact.Status.OPEN);
    }

    @Test
    void standingShowsTheExemptionOfTheDate() {
        feed();
        roll.on(new FullExemptionGranted("hoa", CELL, ExemptionGround.ELDERLY, "12-NQ/CB", LocalDate.of(2025, 5, 1)),
                UUID.randomUUID().toString());

        assertThat(lookups.standings(List.of("hoa"), LocalDate.of(2025, 4, 30)).get("hoa").fullyExempt()).isFalse();
        assertThat(lookups.standings(List.of("hoa"), LocalDate.of(2025, 12, 1)).get("hoa").fullyExempt()).isTrue();
        assertThat(lookups.standings(List.of("nobody"), LocalDate.of(2025, 12, 1))).isEmpty();
    }

    @Test
    void replayAfterResetRebuildsTheSameRows() {
        feed();
        List<List<Map<String, Object>>> before = rows();

        evidence.reset();
        roll.reset();
        feed();

        assertThat(rows()).isEqualTo(before);
    }

    private List<List<Map<String, Object>>> rows() {
        return List.of(
                jdbc.queryForList("select * from cmd_rating_task order by task_id", Map.of()),
                jdbc.queryForList("select * from cmd_rating_attendance order by meeting_id, member_id", Map.of()),
                jdbc.queryForList("select * from cmd_rating_commitment order by commitment_id", Map.of()));
    }
}
