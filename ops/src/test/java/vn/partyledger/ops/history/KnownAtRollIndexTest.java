package vn.partyledger.ops.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.partyledger.query.organization.KnownRoll;
import vn.partyledger.query.organization.KnownTree;

/**
 * A roll "known at" an instant refolds the facts of the members ever on the organisations asked about: for a commune
 * of 12 cells with 1,200 members among 30,000 members of other organisations, those facts and their events' recorded
 * instants must come from indexes (the roll facts by organisation and by member, the store by position), and the
 * organisations' own events by aggregate — checked on the plans, not with a timer.
 */
class KnownAtRollIndexTest {

    private static final List<String> CELLS = IntStream.range(0, 12).mapToObj(i -> "cell-" + i).toList();
    private static EmbeddedPostgres pg;
    private static NamedParameterJdbcTemplate jdbc;

    @BeforeAll
    static void database() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        DataSource dataSource = pg.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new NamedParameterJdbcTemplate(dataSource);
        // 32,400 events through the insert trigger (positions 1..32,400): a member's enrolment each, and for the
        // commune's 1,200 members an exemption too; the roll facts point at them by position, as the read model does.
        jdbc.getJdbcTemplate().execute("""
                insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                select 'member-' || (i % 31200), i / 31200, 'Member', 'event-' || i,
                       convert_to(json_build_object('scope', case when i % 31200 < 1200
                               then 'cell-' || (i % 12) else 'org-' || (i % 500) end,
                           'occurredOn', '2020-01-01',
                           'recordedAt', to_char((timestamptz '2025-01-01 00:00Z' + i * interval '1 second')
                                                 at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                           'actor', json_build_object('userId', 'u1'))::text, 'UTF8'),
                       convert_to(json_build_object('memberId', 'member-' || (i % 31200),
                           'fullName', 'Lò Văn ' || i)::text, 'UTF8'),
                       null, case when i < 31200 then 'vn.partyledger.api.member.ExistingMemberEnrolled'
                                  else 'vn.partyledger.api.member.FullExemptionGranted' end,
                       '2025-01-01T00:00:00Z'
                  from generate_series(0, 32399) i""");
        jdbc.getJdbcTemplate().execute("""
                insert into member_roll_fact (member_id, position, effective_on, kind, organization_id, until)
                select 'member-' || (i % 31200), i + 1, date '2000-03-01' + (i / 31200) * 7000,
                       case when i < 31200 then 'ENROLLED' else 'FULL_EXEMPTION_GRANTED' end,
                       case when i >= 31200 then null when i < 1200 then 'cell-' || (i % 12)
                            else 'org-' || (i % 500) end,
                       case when i < 31200 then date '2001-03-01' end
                  from generate_series(0, 32399) i""");
        jdbc.getJdbcTemplate().execute("""
                insert into org_tree_organization (organization_id, name, level, cell_type, grassroots,
                                                   established_on, last_position)
                select 'cell-' || i, 'Chi bộ ' || i, 'CELL', 'VILLAGE', false, date '2000-01-01', 0
                  from generate_series(0, 11) i""");
        jdbc.getJdbcTemplate().execute("ANALYZE");
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static MapSqlParameterSource params() {
        return new MapSqlParameterSource("orgs", CELLS.toArray(String[]::new))
                .addValue("org", "cell-3").addValue("d", LocalDate.of(2020, 1, 1), Types.DATE)
                .addValue("knownAt", OffsetDateTime.parse("2025-01-01T05:00:00Z"), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static String plan(String sql) {
        return String.join("\n", jdbc.queryForList("EXPLAIN (COSTS OFF) " + sql, params(), String.class));
    }

    @Test
    void theFactsOfACommunesThousandMembersKnownAtAnInstantAreReadThroughIndexes() {
        // known at 05:00: every enrolment of the commune's members (recorded by 00:20), none of their exemptions
        assertThat(jdbc.queryForList(KnownRoll.FACTS, params())).hasSize(1_200)
                .allMatch(row -> row.get("kind").equals("ENROLLED"));
        String plan = plan(KnownRoll.FACTS);
        assertThat(plan).as(plan).contains("member_roll_fact_org").contains("member_roll_fact_member")
                .contains("domainevententry_pkey")
                .doesNotContain("Seq Scan on member_roll_fact").doesNotContain("Seq Scan on domainevententry");
    }

    @Test
    void anOrganisationKnownAtAnInstantReadsItsOwnEventsByAggregate() {
        String plan = plan("with " + KnownTree.org(true) + " select * from org where organization_id = :org");
        assertThat(plan).as(plan).contains("domainevententry_aggregateidentifier")
                .doesNotContain("Seq Scan on domainevententry");
    }
}
