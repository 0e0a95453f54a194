package vn.partyledger.ops.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.partyledger.ops.storage.CustomPlans;

/**
 * Histories at size, on a real PostgreSQL with the service's migrations: a member with 5,000 events spread over
 * meetings, tasks and the member's own stream among 20,000 events of others. The first page must come from the indexes
 * (the subject index and the store's primary key; a scope's order and envelope columns), never from a scan of the
 * store — checked on the plans of the statements the reader runs, not with a timer.
 */
class HistoryIndexTest {

    private static final String MEMBER = "member-5000";
    private static EmbeddedPostgres pg;
    private static NamedParameterJdbcTemplate jdbc;
    private static CustomPlans plans;

    @BeforeAll
    static void database() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        DataSource dataSource = pg.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new NamedParameterJdbcTemplate(dataSource);
        plans = new CustomPlans(new DataSourceTransactionManager(dataSource), jdbc.getJdbcTemplate());
        // Through the insert triggers, as every writer appends: 25,000 events in 50 scopes, 5,000 naming MEMBER.
        jdbc.getJdbcTemplate().execute("""
                insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                select 'agg-' || (i / 10), i % 10, 'Meeting', 'event-' || i,
                       convert_to(json_build_object('scope', 'scope-' || (i % 50),
                           'occurredOn', (date '2020-01-01' + (i / 20))::text,
                           'recordedAt', to_char((timestamptz '2025-01-01 00:00Z' + i * interval '1 second')
                                                 at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                           'actor', json_build_object('userId', 'u1'))::text, 'UTF8'),
                       convert_to(json_build_object('memberId', case when i % 5 = 0 then 'member-5000'
                           else 'm-' || (i % 997) end, 'organizationId', 'scope-' || (i % 50),
                           'status', 'PRESENT')::text, 'UTF8'),
                       null, 'vn.partyledger.api.meeting.AttendanceRecorded', '2025-01-01T00:00:00Z'
                  from generate_series(0, 24999) i""");
        jdbc.getJdbcTemplate().execute("ANALYZE");
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static MessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void historiesAreReadInOneReadOnlyTransactionPlannedForTheirValues() {
        assertThat(plans.read(() -> jdbc.getJdbcTemplate().queryForObject("SHOW plan_cache_mode", String.class)))
                .isEqualTo("force_custom_plan");
        assertThat(plans.read(() -> jdbc.getJdbcTemplate().queryForObject("SHOW transaction_read_only", String.class)))
                .isEqualTo("on");
        assertThat(jdbc.getJdbcTemplate().queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("auto");
    }

    private static HistoryFilter page(Long after, LocalDate from, Instant knownAt) {
        return new HistoryFilter(from, null, null, null, null, knownAt, null, after, 0, 50);
    }

    private static String plan(HistoryReader.Sql sql) {
        return String.join("\n", jdbc.queryForList("EXPLAIN (COSTS OFF) " + sql.select(), sql.params(),
                String.class));
    }

    @Test
    void aDossierOfFiveThousandEventsPagesInOrderWithItsTotal() {
        HistoryReader reader = new HistoryReader(jdbc, new Summaries(messages()), plans);
        History first = reader.dossier(MEMBER, page(null, null, null), Locale.ENGLISH);
        assertThat(first.total()).isEqualTo(5_000);
        assertThat(first.items()).hasSize(50);
        // no fact names member-5000: the summary shows its id, and the status by its label
        assertThat(first.items().get(0).summary()).isEqualTo("Attendance of member member-5000: Present");
        History second = reader.dossier(MEMBER, page(first.nextAfter(), null, null), Locale.ENGLISH);
        assertThat(second.items().get(0).position()).isGreaterThan(first.items().get(49).position());
        assertThat(second.items()).allMatch(e -> e.fact().path("memberId").asText().equals(MEMBER));
    }

    @Test
    void theFirstPageOfADossierIsReadFromIndexes() {
        for (HistoryReader.Sql sql : List.of(
                HistoryReader.dossierSql(MEMBER, page(null, null, null)),
                HistoryReader.dossierSql(MEMBER, page(2_500L, null, null)),
                HistoryReader.dossierSql(MEMBER, page(null, LocalDate.of(2020, 6, 1),
                        Instant.parse("2025-01-01T03:00:00Z"))))) {
            String plan = plan(sql);
            assertThat(plan).as(plan).contains("ledger_event_subject_pkey")
                    .doesNotContain("Seq Scan on domainevententry").doesNotContain("Seq Scan on ledger_event_subject");
        }
    }

    @Test
    void anUnfilteredHistoryTakesItsTotalFromTheScopeHeadsAndAgreesWithCountingTheRows() {
        HistoryReader reader = new HistoryReader(jdbc, new Summaries(messages()), plans);
        List<String> scopes = List.of("scope-7", "scope-8", "unknown-scope");
        HistoryReader.Sql unfiltered = HistoryReader.organizationSql(scopes, page(null, null, null));
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN (COSTS OFF) " + unfiltered.count(),
                unfiltered.params(), String.class));
        assertThat(plan).as(plan).doesNotContain("domainevententry");
        History whole = reader.organization("scope-7", scopes, page(null, null, null), Locale.ENGLISH);
        // a filter every event passes: the rows are counted
        History counted = reader.organization("scope-7", scopes, page(null, LocalDate.of(1900, 1, 1), null),
                Locale.ENGLISH);
        assertThat(whole.total()).isEqualTo(1_000).isEqualTo(counted.total());
        assertThat(reader.organization("scope-7", List.of("scope-7"), page(null, null, null), Locale.ENGLISH).total())
                .isEqualTo(500);
    }

    @Test
    void anOrganisationHistoryIsReadFromItsScopeIndexes() {
        for (HistoryReader.Sql sql : List.of(
                HistoryReader.organizationSql(List.of("scope-7"), page(null, null, null)),
                HistoryReader.organizationSql(List.of("scope-7"), page(null, LocalDate.of(2021, 1, 1), null)),
                HistoryReader.organizationSql(List.of("scope-7", "scope-8", "scope-9"), page(null, null,
                        Instant.parse("2025-01-01T01:00:00Z"))))) {
            String plan = plan(sql);
            assertThat(plan).as(plan).containsPattern("Index (Only )?Scan (Backward )?(using|on) domainevententry_")
                    .doesNotContain("Seq Scan on domainevententry");
        }
    }
}
