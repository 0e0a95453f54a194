package vn.partyledger.ops.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partyledger.api.envelope.Envelope;

/**
 * The storage engine against out-of-order commits, on a real PostgreSQL: a transaction that commits after more than
 * Axon's maxGapOffset (10,000) later events have been read is still delivered, exactly once; Axon's stock engine, run
 * on the same schema as a control, loses it — the failure this engine exists to prevent (AxonFramework#4829).
 */
class EventOrderingTest {

    record Probe(String text) {
    }

    private static EmbeddedPostgres pg;
    private static DataSource dataSource;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;
    private static SpringTransactionManager axonTransactions;
    private static final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @BeforeAll
    static void database() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        dataSource = pg.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager tm = new DataSourceTransactionManager(dataSource);
        transactions = new TransactionTemplate(tm);
        axonTransactions = new SpringTransactionManager(tm);
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static JdbcEventStorageEngine.Builder builder() {
        PersistenceExceptionResolver resolver = DuplicateKeyResolver::isUniqueViolation;
        return JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(resolver)
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource));
    }

    static EventStorageEngine ledgerEngine() {
        return new LedgerEventStorageEngine(builder(), axonTransactions);
    }

    static EventStorageEngine stockEngine() {
        return builder().transactionManager(axonTransactions).build();
    }

    private static GenericDomainEventMessage<Probe> event(String scope, String aggregate, long seq, String text) {
        return new GenericDomainEventMessage<>("Probe", aggregate, seq, new Probe(text),
                MetaData.with(Envelope.SCOPE, scope).and(Envelope.OCCURRED_ON, "2025-03-24"));
    }

    private static void appendMany(EventStorageEngine engine, String run, int count) {
        int perTransaction = 500;
        for (int start = 0; start < count; start += perTransaction) {
            List<GenericDomainEventMessage<Probe>> batch = new ArrayList<>();
            String aggregate = run + "-bulk-" + start;
            for (int i = 0; i < Math.min(perTransaction, count - start); i++) {
                // Four scopes: appends elsewhere never wait for the held transaction's scope.
                batch.add(event(run + "-scope-" + (i % 4), aggregate, i, run + " bulk " + (start + i)));
            }
            transactions.executeWithoutResult(s -> engine.appendEvents(batch));
        }
    }

    /** A reader like a tracking processor: remembers its token and everything it was handed. */
    static final class Reader {
        final EventStorageEngine engine;
        TrackingToken token;
        final Map<String, Integer> seen = new HashMap<>();
        final Map<String, Object> payloads = new HashMap<>();

        Reader(EventStorageEngine engine) {
            this.engine = engine;
        }

        void readAll() {
            for (int round = 0; round < 1_000; round++) {
                List<? extends TrackedEventMessage<?>> batch;
                try (Stream<? extends TrackedEventMessage<?>> s = engine.readEvents(token, false)) {
                    batch = s.collect(Collectors.toList());
                }
                if (batch.isEmpty()) {
                    return;
                }
                for (TrackedEventMessage<?> m : batch) {
                    seen.merge(((Probe) m.getPayload()).text(), 1, Integer::sum);
                    payloads.put(((Probe) m.getPayload()).text(), m.getPayload());
                    token = m.trackingToken();
                }
            }
        }

        int count(String prefix) {
            return (int) seen.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .mapToInt(Map.Entry::getValue).sum();
        }
    }

    /** Appends the held event, keeps its transaction open until released, then commits. */
    private static Thread hold(EventStorageEngine engine, String scope, String text, CountDownLatch appended,
                               CountDownLatch release) {
        Thread t = new Thread(() -> transactions.executeWithoutResult(s -> {
            engine.appendEvents(event(scope, scope + "-held", 0, text));
            appended.countDown();
            try {
                release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        t.start();
        return t;
    }

    private int runRace(EventStorageEngine engine, String run) throws Exception {
        Reader reader = new Reader(engine);
        reader.readAll();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String heldScope = run + "-held-scope";
        Thread held = hold(engine, heldScope, run + " held", appended, release);
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();

        appendMany(engine, run, 10_050);
        reader.readAll();
        assertThat(reader.count(run + " bulk")).as("every later event is read while one is still open").isEqualTo(10_050);
        assertThat(reader.count(run + " held")).isZero();

        release.countDown();
        held.join();
        appendMany(engine, run + "-after", 10);
        reader.readAll();
        assertThat(reader.count(run + "-after")).isEqualTo(10);
        return reader.count(run + " held");
    }

    @Test
    void anEventCommittedAfterTenThousandLaterOnesIsReadExactlyOnce() throws Exception {
        assertThat(runRace(ledgerEngine(), "ledger")).isEqualTo(1);
    }

    /**
     * Two readers of one engine, the second behind the first (docs/decisions/0018): the second is handed what the
     * first read — the very same deserialized events — and, though the window holds the position of a transaction
     * still open when the first read passed it as empty, the second still gets that event once it commits, once.
     */
    @Test
    void aReaderBehindAnotherSharesItsReadsAndStillGetsALateCommitExactlyOnce() throws Exception {
        EventStorageEngine engine = ledgerEngine();
        String run = "shared";
        Reader first = new Reader(engine);
        Reader second = new Reader(engine);
        first.readAll();
        second.readAll();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread held = hold(engine, run + "-held-scope", run + " held", appended, release);
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        appendMany(engine, run, 2_000);
        first.readAll();
        assertThat(first.count(run + " bulk")).isEqualTo(2_000);
        assertThat(first.count(run + " held")).isZero();

        release.countDown();
        held.join();
        appendMany(engine, run + "-after", 10);
        second.readAll();
        first.readAll();
        for (Reader reader : List.of(first, second)) {
            assertThat(reader.count(run + " bulk")).isEqualTo(2_000);
            assertThat(reader.count(run + " held")).as("the late commit, once").isEqualTo(1);
            assertThat(reader.count(run + "-after")).isEqualTo(10);
        }
        for (int i = 0; i < 2_000; i++) {
            String text = run + " bulk " + i;
            assertThat(second.payloads.get(text)).as(text).isSameAs(first.payloads.get(text));
        }
    }

    /** The control: the same race on Axon's stock engine loses the event. */
    @Test
    void axonsStockEngineLosesTheSameEvent() throws Exception {
        assertThat(runRace(stockEngine(), "stock")).isZero();
    }

    @Test
    void aRolledBackAppendLeavesNoHoleInItsScopeAndItsPositionSettles() {
        EventStorageEngine engine = ledgerEngine();
        String scope = "rollback-" + UUID.randomUUID();
        transactions.executeWithoutResult(s -> engine.appendEvents(event(scope, scope + "-a", 0, "committed 1")));
        transactions.executeWithoutResult(s -> {
            engine.appendEvents(event(scope, scope + "-b", 0, "rolled back"));
            s.setRollbackOnly();
        });
        transactions.executeWithoutResult(s -> engine.appendEvents(event(scope, scope + "-c", 0, "committed 2")));
        transactions.executeWithoutResult(s -> engine.appendEvents(event(scope, scope + "-d", 0, "committed 3")));

        assertThat(jdbc.queryForList("SELECT scope_seq FROM domainevententry WHERE scope_id = ? ORDER BY scope_seq",
                Long.class, scope)).containsExactly(1L, 2L, 3L);
        assertThat(jdbc.queryForObject("SELECT seq FROM ledger_scope_head WHERE scope_id = ?", Long.class, scope))
                .isEqualTo(3L);

        Reader reader = new Reader(engine);
        reader.readAll();
        transactions.executeWithoutResult(s -> engine.appendEvents(event(scope, scope + "-e", 0, "committed 4")));
        reader.readAll();
        assertThat(reader.seen).containsKeys("committed 1", "committed 2", "committed 3", "committed 4")
                .doesNotContainKey("rolled back");
        assertThat(((GapAwareTrackingToken) reader.token).getGaps())
                .as("the rolled-back position is settled, not kept as a gap forever").isEmpty();
    }

    @Test
    void oneTransactionAppendingToTwoScopesNumbersEachScopeFromOne() {
        EventStorageEngine engine = ledgerEngine();
        String a = "two-a-" + UUID.randomUUID();
        String b = "two-b-" + UUID.randomUUID();
        transactions.executeWithoutResult(s -> engine.appendEvents(
                event(b, b + "-x", 0, "b1"), event(a, a + "-x", 0, "a1"), event(b, b + "-y", 0, "b2")));
        assertThat(jdbc.queryForList("SELECT scope_seq FROM domainevententry WHERE scope_id = ? ORDER BY globalindex",
                Long.class, b)).containsExactly(1L, 2L);
        assertThat(jdbc.queryForList("SELECT scope_seq FROM domainevententry WHERE scope_id = ?", Long.class, a))
                .containsExactly(1L);
        assertThat(jdbc.queryForObject("SELECT occurred_on::text FROM domainevententry WHERE scope_id = ?",
                String.class, a)).isEqualTo("2025-03-24");
    }

    /**
     * The engine numbers its rows and fills their envelope columns itself (ScopedAppend); the insert trigger does both
     * only for other writers. Both must give the same columns for the same metadata, and share each scope's numbers.
     */
    @Test
    void theWriterFillsTheEnvelopeColumnsExactlyAsTheTriggerDerivesThemFromTheMetadata() {
        EventStorageEngine engine = ledgerEngine();
        String scope = "envelope-" + UUID.randomUUID();
        String run = UUID.randomUUID().toString();
        transactions.executeWithoutResult(s -> engine.appendEvents(
                new GenericDomainEventMessage<>("Probe", run + "-a", 0, new Probe("full"),
                        MetaData.with(Envelope.SCOPE, scope).and(Envelope.OCCURRED_ON, "2024-02-29")
                                .and(Envelope.RECORDED_AT, "2025-06-30T23:59:59.123456Z")
                                .and(Envelope.ACTOR, Map.of("userId", "u-17", "role", "SECRETARY"))
                                .and(Envelope.CORRECTS_EVENT_ID, "event-9")),
                new GenericDomainEventMessage<>("Probe", run + "-b", 0, new Probe("bare"),
                        MetaData.with(Envelope.SCOPE, scope)),
                new GenericDomainEventMessage<>("Probe", run + "-c", 0, new Probe("ledger-wide"),
                        MetaData.with(Envelope.ACTOR, Map.of("role", "OPERATOR"))
                                .and(Envelope.RECORDED_AT, "2025-07-01T07:00:00+07:00"))));
        // Another writer, through the trigger alone: numbered after the engine's rows in the same scope.
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                SELECT aggregateidentifier || '-again', 1, type, eventidentifier || '-again', metadata, payload,
                       payloadrevision, payloadtype, timestamp
                  FROM domainevententry WHERE aggregateidentifier = ?""", run + "-a");

        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT aggregateidentifier AS aggregate, scope_id, scope_seq,
                       scope_id = coalesce(m ->> 'scope', 'ledger') AS scope_same,
                       occurred_on IS NOT DISTINCT FROM (m ->> 'occurredOn')::date AS occurred_same,
                       recorded_at IS NOT DISTINCT FROM (m ->> 'recordedAt')::timestamptz AS recorded_same,
                       actor_user_id IS NOT DISTINCT FROM m -> 'actor' ->> 'userId' AS actor_same,
                       corrects_event_id IS NOT DISTINCT FROM m ->> 'correctsEventId' AS corrects_same,
                       occurred_on::text AS occurred, actor_user_id, corrects_event_id
                  FROM (SELECT *, convert_from(metadata, 'UTF8')::jsonb AS m FROM domainevententry
                         WHERE aggregateidentifier LIKE ?) e
                 ORDER BY globalindex""", run + "%");
        assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(row).containsEntry("scope_same", true)
                .containsEntry("occurred_same", true).containsEntry("recorded_same", true)
                .containsEntry("actor_same", true).containsEntry("corrects_same", true));
        assertThat(rows).extracting(r -> r.get("aggregate") + " " + r.get("scope_seq")).containsExactly(
                run + "-a 1", run + "-b 2", run + "-c " + rows.get(2).get("scope_seq"), run + "-a-again 3");
        assertThat(rows.get(0)).containsEntry("occurred", "2024-02-29").containsEntry("actor_user_id", "u-17")
                .containsEntry("corrects_event_id", "event-9");
        assertThat(rows.get(2)).containsEntry("scope_id", LedgerEventStorageEngine.LEDGER_SCOPE)
                .containsEntry("actor_user_id", null);
        assertThat(jdbc.queryForObject("SELECT seq FROM ledger_scope_head WHERE scope_id = ?", Long.class, scope))
                .isEqualTo(3L);
    }

    /** The plan is quoted in docs/decisions/0006: a scope's history by date and a page of it come from indexes. */
    @Test
    void historiesByScopeAndDateAreReadFromIndexes() {
        EventStorageEngine engine = ledgerEngine();
        for (int batch = 0; batch < 20; batch++) {
            List<GenericDomainEventMessage<Probe>> events = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String scope = "scope-" + (i % 50);
                events.add(new GenericDomainEventMessage<>("Probe", "agg-" + batch + "-" + i, 0, new Probe("p"),
                        MetaData.with(Envelope.SCOPE, scope)
                                .and(Envelope.OCCURRED_ON, java.time.LocalDate.of(2020, 1, 1).plusDays(batch * 50L + i % 300).toString())
                                .and(Envelope.RECORDED_AT, java.time.Instant.parse("2025-01-01T00:00:00Z").plusSeconds(batch * 500L + i).toString())));
            }
            transactions.executeWithoutResult(s -> engine.appendEvents(events));
        }
        jdbc.execute("ANALYZE domainevententry");
        jdbc.execute("ANALYZE ledger_event_mirror");
        for (String query : List.of(
                "SELECT * FROM ledger_event WHERE scope_id = 'scope-17' AND occurred_on BETWEEN DATE '2025-01-01' "
                        + "AND DATE '2025-12-31' ORDER BY scope_seq LIMIT 50",
                "SELECT * FROM ledger_event WHERE scope_id = 'scope-17' AND scope_seq > 100 ORDER BY scope_seq LIMIT 50",
                "SELECT * FROM ledger_event WHERE scope_id = 'scope-17' AND recorded_at <= TIMESTAMPTZ '2025-01-01 01:00Z' "
                        + "ORDER BY scope_seq LIMIT 50")) {
            String plan = String.join("\n", jdbc.queryForList("EXPLAIN (COSTS OFF) " + query, String.class));
            System.out.println(query + "\n" + plan);
            // (the mirror is empty without Axon Server: a scan of its zero pages is the cheapest plan there)
            assertThat(plan).containsPattern("Index Scan (using|on) domainevententry_scope")
                    .doesNotContain("Seq Scan on domainevententry");
        }
    }

    @Test
    void storedEventsCannotBeChangedOrDeleted() {
        EventStorageEngine engine = ledgerEngine();
        String scope = "frozen-" + UUID.randomUUID();
        transactions.executeWithoutResult(s -> engine.appendEvents(event(scope, scope + "-a", 0, "frozen")));
        for (String change : List.of(
                "UPDATE domainevententry SET payload = payload || '\\x20'::bytea WHERE scope_id = ?",
                "UPDATE domainevententry SET scope_seq = 7 WHERE scope_id = ?",
                "UPDATE domainevententry SET occurred_on = DATE '2001-01-01' WHERE scope_id = ?",
                "DELETE FROM domainevententry WHERE scope_id = ?")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(change, scope))
                    .hasMessageContaining("append-only");
        }
    }
}
