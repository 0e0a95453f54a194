package vn.partyledger.ops.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partyledger.api.envelope.Envelope;

/**
 * Stores exist in the field: a store written by Axon's stock engine on the schema before
 * V202611262230__event_store_order_and_scopes is migrated, and every stored event gets its envelope columns and its
 * scope number in global order, the scope heads match, new appends continue each scope's numbering, and the migrated
 * rows are as unchangeable as before.
 */
class EventStoreMigrationTest {

    private static final MigrationVersion ORDER_AND_SCOPES = MigrationVersion.fromVersion("202611262230");

    record Probe(String text) {
    }

    /** What one old event's envelope said, by event id. */
    record Stored(String scope, LocalDate occurredOn, Instant recordedAt, String actor, String corrects) {
    }

    @Test
    void eventsStoredBeforeTheMigrationAreNumberedPerScopeInGlobalOrderAndStayFrozen() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = pg.getPostgresDatabase();
            MigrationVersion before = lastVersionBefore(dataSource, ORDER_AND_SCOPES);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(before).load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_name = 'domainevententry'", String.class)).doesNotContain("scope_seq");

            DataSourceTransactionManager tm = new DataSourceTransactionManager(dataSource);
            TransactionTemplate transactions = new TransactionTemplate(tm);
            EventStorageEngine axon = builder(dataSource).transactionManager(new SpringTransactionManager(tm)).build();

            // Old events the way Axon stored them: JSON payload and metadata bytes, the envelope inside the metadata.
            // Three organisation scopes interleaved, ledger-wide facts without a scope, several events per transaction,
            // and a correction.
            Map<String, Stored> stored = new LinkedHashMap<>();
            Map<String, Long> aggregateSeq = new HashMap<>();
            List<String> scopes = Arrays.asList("org-a", "org-b", "org-c", null);
            String firstOfA = null;
            for (int tx = 0; tx < 30; tx++) {
                List<GenericDomainEventMessage<Probe>> batch = new ArrayList<>();
                for (int i = 0; i < 1 + tx % 3; i++) {
                    int n = tx * 3 + i;
                    String scope = scopes.get((tx + i) % scopes.size());
                    String aggregate = "agg-" + (scope == null ? "ledger" : scope) + "-" + (n % 2);
                    long seq = aggregateSeq.merge(aggregate, 1L, Long::sum) - 1;
                    LocalDate occurredOn = LocalDate.parse("2019-01-01").plusDays(n * 7L);
                    Instant recordedAt = Instant.parse("2026-01-05T03:00:00Z").plusSeconds(n * 61L);
                    String actor = "user-" + (n % 5);
                    String corrects = scope != null && scope.equals("org-a") && firstOfA != null && tx == 28 ? firstOfA : null;
                    Map<String, Object> meta = new HashMap<>();
                    if (scope != null) {
                        meta.put(Envelope.SCOPE, scope);
                    }
                    meta.put(Envelope.OCCURRED_ON, occurredOn.toString());
                    meta.put(Envelope.RECORDED_AT, recordedAt.toString());
                    meta.put(Envelope.ACTOR, Map.of("userId", actor, "role", "OPERATOR"));
                    meta.put(Envelope.CORRELATION_ID, "corr-" + tx);
                    if (corrects != null) {
                        meta.put(Envelope.CORRECTS_EVENT_ID, corrects);
                        meta.put(Envelope.REASON, "typo in the minutes");
                    }
                    GenericDomainEventMessage<Probe> event = new GenericDomainEventMessage<>("Probe", aggregate, seq,
                            new Probe("old " + n), MetaData.from(meta));
                    if (firstOfA == null && "org-a".equals(scope)) {
                        firstOfA = event.getIdentifier();
                    }
                    stored.put(event.getIdentifier(), new Stored(scope == null ? LedgerEventStorageEngine.LEDGER_SCOPE : scope,
                            occurredOn, recordedAt, actor, corrects));
                    batch.add(event);
                }
                transactions.executeWithoutResult(s -> axon.appendEvents(batch));
            }
            // A rolled-back append leaves a hole in the old BIGSERIAL positions; the migration must not number it.
            transactions.executeWithoutResult(s -> {
                axon.appendEvents(new GenericDomainEventMessage<>("Probe", "agg-rolled-back", 0, new Probe("gone"),
                        MetaData.with(Envelope.SCOPE, "org-a")));
                s.setRollbackOnly();
            });
            long oldHead = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);

            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

            // Every old row has its envelope columns, read from its own metadata.
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT eventidentifier, globalindex, scope_id, scope_seq, "
                    + "occurred_on, recorded_at, actor_user_id, corrects_event_id FROM domainevententry ORDER BY globalindex");
            assertThat(rows).hasSize(stored.size());
            for (Map<String, Object> row : rows) {
                Stored expected = stored.get((String) row.get("eventidentifier"));
                assertThat(row.get("scope_id")).isEqualTo(expected.scope());
                assertThat(((java.sql.Date) row.get("occurred_on")).toLocalDate()).isEqualTo(expected.occurredOn());
                assertThat(((java.sql.Timestamp) row.get("recorded_at")).toInstant()).isEqualTo(expected.recordedAt());
                assertThat(row.get("actor_user_id")).isEqualTo(expected.actor());
                assertThat(row.get("corrects_event_id")).isEqualTo(expected.corrects());
            }
            assertThat(rows.stream().filter(r -> r.get("corrects_event_id") != null)).hasSize(1);

            // Each scope numbered 1..n without a hole, in global order; its head is its last number.
            Map<String, List<Map<String, Object>>> byScope = rows.stream()
                    .collect(Collectors.groupingBy(r -> (String) r.get("scope_id"), LinkedHashMap::new, Collectors.toList()));
            assertThat(byScope.keySet()).containsExactlyInAnyOrder("org-a", "org-b", "org-c", "ledger");
            Map<String, Long> heads = new HashMap<>();
            jdbc.query("SELECT scope_id, seq FROM ledger_scope_head",
                    rs -> { heads.put(rs.getString(1), rs.getLong(2)); });
            assertThat(heads.keySet()).isEqualTo(byScope.keySet());
            byScope.forEach((scope, inGlobalOrder) -> {
                assertThat(inGlobalOrder.stream().map(r -> ((Number) r.get("scope_seq")).longValue()).toList())
                        .as("scope %s in global order", scope)
                        .isEqualTo(LongStream.rangeClosed(1, inGlobalOrder.size()).boxed().toList());
                assertThat(heads.get(scope)).as("head of %s", scope).isEqualTo(inGlobalOrder.size());
            });
            assertThat(jdbc.queryForList("SELECT count(*) FROM ledger_event GROUP BY scope_id HAVING "
                    + "count(*) <> max(scope_seq) OR min(scope_seq) <> 1", Long.class)).isEmpty();

            // The ledger's engine reads every old event exactly once, across the old rolled-back hole.
            EventStorageEngine ledger = new LedgerEventStorageEngine(builder(dataSource), new SpringTransactionManager(tm));
            assertThat(readAll(ledger)).hasSize(stored.size()).doesNotHaveDuplicates()
                    .doesNotContain("gone");

            // New appends continue each scope's numbering and the global positions.
            transactions.executeWithoutResult(s -> ledger.appendEvents(
                    new GenericDomainEventMessage<>("Probe", "agg-new", 0, new Probe("new a"),
                            MetaData.with(Envelope.SCOPE, "org-a").and(Envelope.OCCURRED_ON, "2026-11-26")),
                    new GenericDomainEventMessage<>("Probe", "agg-new", 1, new Probe("new c"),
                            MetaData.with(Envelope.SCOPE, "org-c").and(Envelope.OCCURRED_ON, "2026-11-26")),
                    new GenericDomainEventMessage<>("Probe", "agg-new", 2, new Probe("new d"),
                            MetaData.with(Envelope.SCOPE, "org-d").and(Envelope.OCCURRED_ON, "2026-11-26"))));
            for (String scope : List.of("org-a", "org-c")) {
                assertThat(jdbc.queryForObject("SELECT scope_seq FROM domainevententry WHERE aggregateidentifier = 'agg-new' "
                        + "AND scope_id = ?", Long.class, scope)).as(scope).isEqualTo(byScope.get(scope).size() + 1L);
                assertThat(jdbc.queryForObject("SELECT seq FROM ledger_scope_head WHERE scope_id = ?", Long.class, scope))
                        .isEqualTo(byScope.get(scope).size() + 1L);
            }
            assertThat(jdbc.queryForObject("SELECT scope_seq FROM domainevententry WHERE scope_id = 'org-d'", Long.class))
                    .isEqualTo(1L);
            assertThat(jdbc.queryForObject("SELECT min(globalindex) FROM domainevententry WHERE aggregateidentifier = 'agg-new'",
                    Long.class)).isGreaterThan(oldHead);
            assertThat(readAll(ledger)).contains("new a", "new c", "new d");

            // Old and new rows alike: nothing Axon wrote and none of the new columns can change, no row can go.
            for (String where : List.of("eventidentifier = '" + firstOfA + "'", "aggregateidentifier = 'agg-new'")) {
                for (String change : List.of(
                        "UPDATE domainevententry SET payload = payload || '\\x20'::bytea",
                        "UPDATE domainevententry SET metadata = metadata || '\\x20'::bytea",
                        "UPDATE domainevententry SET globalindex = globalindex + 100000",
                        "UPDATE domainevententry SET scope_id = 'org-z'",
                        "UPDATE domainevententry SET scope_seq = scope_seq + 1000",
                        "UPDATE domainevententry SET occurred_on = DATE '2001-01-01'",
                        "UPDATE domainevententry SET recorded_at = now()",
                        "UPDATE domainevententry SET actor_user_id = 'someone-else'",
                        "UPDATE domainevententry SET corrects_event_id = 'x'",
                        "UPDATE domainevententry SET tx_id = NULL",
                        "DELETE FROM domainevententry")) {
                    assertThatThrownBy(() -> jdbc.update(change + " WHERE " + where)).as(change + " WHERE " + where)
                            .hasMessageContaining("append-only");
                }
            }
            assertThatThrownBy(() -> jdbc.execute("TRUNCATE domainevententry")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("UPDATE domainevententry SET scope_id = scope_id"))
                    .as("not even a no-op update of a numbered row").hasMessageContaining("append-only");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class))
                    .isEqualTo(stored.size() + 3L);
        }
    }

    private static MigrationVersion lastVersionBefore(DataSource dataSource, MigrationVersion version) {
        return Arrays.stream(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
                        .info().all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v != null && v.compareTo(version) < 0)
                .max(MigrationVersion::compareTo)
                .orElseThrow();
    }

    private static JdbcEventStorageEngine.Builder builder(DataSource dataSource) {
        PersistenceExceptionResolver resolver = DuplicateKeyResolver::isUniqueViolation;
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(resolver)
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource));
    }

    private static List<String> readAll(EventStorageEngine engine) {
        List<String> texts = new ArrayList<>();
        org.axonframework.eventhandling.TrackingToken token = null;
        for (int round = 0; round < 100; round++) {
            List<? extends TrackedEventMessage<?>> batch;
            try (Stream<? extends TrackedEventMessage<?>> s = engine.readEvents(token, false)) {
                batch = s.collect(Collectors.toList());
            }
            if (batch.isEmpty()) {
                return texts;
            }
            for (TrackedEventMessage<?> m : batch) {
                texts.add(((Probe) m.getPayload()).text());
                token = m.trackingToken();
            }
        }
        return texts;
    }
}
