package vn.partyledger.query.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.partyledger.api.meeting.FindMeeting;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.MeetingOpened;
import vn.partyledger.api.meeting.MeetingScheduled;
import vn.partyledger.api.meeting.RollMember;
import vn.partyledger.api.meeting.RollSnapshot;
import vn.partyledger.api.member.MemberStatus;

/**
 * A ledger whose meeting register was built by version 2 keeps answering between the migration and the rebuild: each
 * meeting's rows of meeting_register_roll become the jsonb roll on its row, exactly as version 3 writes it.
 */
class MeetingRollMigrationTest {

    private static final LocalDate ON = LocalDate.of(2025, 1, 24);
    private static final List<RollMember> ROLL = List.of(
            new RollMember("a", MemberStatus.OFFICIAL, true, false, false, false, false),
            new RollMember("b", MemberStatus.OFFICIAL, false, true, false, false, true),
            new RollMember("c", MemberStatus.PROBATIONARY, false, false, true, false, false),
            new RollMember("d", MemberStatus.OFFICIAL, false, false, false, true, false));

    @Test
    void eachMeetingsRollRowsBecomeTheRollTheProjectionWrites() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
                    .target("202611271320").load().migrate();
            JdbcTemplate sql = new JdbcTemplate(postgres.getPostgresDatabase());
            for (String meeting : List.of("old", "old-empty", "old-scheduled")) {
                sql.update("""
                        insert into meeting_register_meeting (meeting_id, organization_id, kind, held_on, correction,
                                                              state, agenda, last_position)
                        values (?, 'cell', 'REGULAR', '2025-01-24', false, 'SCHEDULED', '{}', 1)""", meeting);
            }
            sql.update("""
                    update meeting_register_meeting set state = 'OPEN', roll_official = 3, roll_probationary = 1,
                           roll_exempt = 1, roll_transferred_in = 1, roll_transferred_out = 1, roll_required = 1,
                           last_position = 2
                     where meeting_id in ('old', 'old-empty')""");
            // inserted out of member order, as the rows of a roll were
            for (RollMember m : List.of(ROLL.get(2), ROLL.get(0), ROLL.get(3), ROLL.get(1))) {
                sql.update("""
                        insert into meeting_register_roll (meeting_id, member_id, membership, fully_exempt,
                            temporarily_exempt, suspended, temporarily_transferred_in, temporarily_transferred_out,
                            last_position)
                        values ('old', ?, ?, ?, ?, ?, ?, ?, 2)""", m.memberId(), m.membership().name(),
                        m.fullyExempt(), m.temporarilyExempt(), m.suspended(), m.temporarilyTransferredIn(),
                        m.temporarilyTransferredOut());
            }

            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                    .migrate();

            NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(postgres.getPostgresDatabase());
            var projection = new AnnotationEventHandlerAdapter(new MeetingRegisterProjection(jdbc));
            long position = 10;
            for (Object event : List.of(
                    new MeetingScheduled("new", "cell", MeetingKind.REGULAR, ON, List.of(), false, ON),
                    new MeetingOpened("new", "cell", ON, null, null, new RollSnapshot(3, 1, 1, 1, 1, 1, ROLL)))) {
                projection.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position++),
                        GenericEventMessage.asEventMessage(event)));
            }

            assertThat(sql.queryForObject("""
                    select o.roll = n.roll and o.roll::text = n.roll::text from meeting_register_meeting o,
                           meeting_register_meeting n where o.meeting_id = 'old' and n.meeting_id = 'new'""",
                    Boolean.class)).isTrue();
            assertThat(sql.queryForObject("select roll::text from meeting_register_meeting where meeting_id = ?",
                    String.class, "old-empty")).isEqualTo("[]");
            assertThat(sql.queryForObject("select roll from meeting_register_meeting where meeting_id = ?",
                    String.class, "old-scheduled")).isNull();
            assertThat(sql.queryForObject("select to_regclass('meeting_register_roll') is null", Boolean.class))
                    .isTrue();

            MeetingQueries queries = new MeetingQueries(jdbc, Clock.systemUTC(), RegisterRules.standard());
            assertThat(queries.handle(new FindMeeting("old")).roll().members()).isEqualTo(ROLL);
            assertThat(queries.handle(new FindMeeting("old-empty")).roll().members()).isEmpty();
        }
    }
}
