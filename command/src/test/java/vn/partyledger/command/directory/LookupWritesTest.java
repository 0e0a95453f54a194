package vn.partyledger.command.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.partyledger.api.meeting.AttendanceCorrected;
import vn.partyledger.api.meeting.AttendanceRecorded;
import vn.partyledger.api.meeting.AttendanceStatus;
import vn.partyledger.api.meeting.RollMember;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.ExistingMemberEnrolled;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.MemberStatus;

/** The lookups' writes of a unit of work go out together when it commits, with the effect of one write at a time. */
class LookupWritesTest {

    private static final String CELL = "na-tong-ban-1";
    private static final LocalDate HELD = LocalDate.of(2025, 3, 24);
    private static final LocalDate ADMITTED = LocalDate.of(2010, 3, 1);
    private static final LocalDate OFFICIAL = LocalDate.of(2011, 3, 1);

    private static final NamedParameterJdbcTemplate jdbc = LookupDatabase.jdbc();

    private final RatingEvidenceProjection evidence = new RatingEvidenceProjection(jdbc);
    private final MeetingLookupProjection rollFacts = new MeetingLookupProjection(jdbc);
    private final JdbcMeetingRoll roll = new JdbcMeetingRoll(jdbc);

    @BeforeEach
    void emptyTables() {
        evidence.reset();
        rollFacts.reset();
    }

    private static AttendanceRecorded attended(String member, AttendanceStatus status) {
        return new AttendanceRecorded("m-1", CELL, HELD, member, status, null, null);
    }

    private List<String> statuses() {
        return jdbc.getJdbcTemplate().queryForList(
                "select member_id || ':' || status from cmd_rating_attendance order by member_id", String.class);
    }

    @Test
    void aUnitsWritesReachTheTablesWhenItCommitsAndEndAsIfEachHadRunInTurn() {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        evidence.on(attended("a", AttendanceStatus.ABSENT_NO_REASON));
        evidence.on(attended("b", AttendanceStatus.PRESENT));
        // a correction of a's row written just before it, then one more row: the update must run between the inserts
        evidence.on(new AttendanceCorrected("m-1", CELL, HELD, "a", AttendanceStatus.LATE, null, null, "ev-1", 2, 2, 0));
        evidence.on(attended("c", AttendanceStatus.PRESENT));

        assertThat(statuses()).as("nothing written before the unit commits").isEmpty();
        unit.commit();

        assertThat(statuses()).containsExactly("a:LATE", "b:PRESENT", "c:PRESENT");
    }

    @Test
    void aFailingWriteFailsTheUnitOfWork() {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        evidence.on(attended("a", AttendanceStatus.PRESENT));
        evidence.on(attended(null, AttendanceStatus.PRESENT));

        assertThatThrownBy(unit::commit).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(unit.isRolledBack()).isTrue();
    }

    @Test
    void anEnrolmentsTwoRollFactsAreFoldedAfterBothAreWritten() {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        rollFacts.on(new ExistingMemberEnrolled("xuan", CELL, "Lò Văn Xuân", LocalDate.of(1975, 5, 1), Gender.MALE,
                "Thái", EducationLevel.UPPER_SECONDARY, ADMITTED, ADMITTED, OFFICIAL, null, null, "paper roll",
                LocalDate.of(2019, 12, 1)), UUID.randomUUID().toString());
        unit.commit();

        assertThat(roll.on(CELL, ADMITTED.minusDays(1))).isEmpty();
        assertThat(roll.on(CELL, ADMITTED)).extracting(RollMember::membership).containsExactly(MemberStatus.PROBATIONARY);
        assertThat(roll.on(CELL, OFFICIAL)).extracting(RollMember::membership).containsExactly(MemberStatus.OFFICIAL);
    }
}
