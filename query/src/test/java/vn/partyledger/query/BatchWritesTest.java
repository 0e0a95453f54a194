package vn.partyledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The order in which a batch's queued statements reach the database: each row below is numbered as it is written, so
 * the numbers show which statement ran before which.
 */
class BatchWritesTest {

    private static final String FIRST = "insert into batch_order (key, step) values (:key, 'first')";
    private static final String SECOND = "insert into batch_order (key, step) values (:key, 'second')";
    private static final String BARRIER = "insert into batch_order (key, step) values ('none', 'barrier')";

    private static ReadModelDatabase db;
    private static NamedParameterJdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        db = ReadModelDatabase.start();
        jdbc = db.jdbc();
        jdbc.update("create table batch_order (n serial primary key, key text not null, step text not null)", Map.of());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void empty() {
        jdbc.update("truncate batch_order restart identity", Map.of());
    }

    @Test
    void keyedStatementsRunLayerByLayerEachKeyInItsOwnOrder() {
        inBatch(() -> {
            keyed(FIRST, "a");
            keyed(SECOND, "a");
            keyed(FIRST, "b");
            keyed(FIRST, "b");
            keyed(SECOND, "b");
        });

        // every key's first statement (b's two in a row together), then every key's second
        assertThat(written()).containsExactly("a first", "b first", "b first", "a second", "b second");
    }

    @Test
    void nothingIsMovedAcrossAStatementWithoutAKey() {
        inBatch(() -> {
            keyed(FIRST, "a");
            keyed(SECOND, "a");
            BatchWrites.update(jdbc, BARRIER, new MapSqlParameterSource());
            keyed(FIRST, "b");
            keyed(SECOND, "c");
            keyed(FIRST, "c");
        });

        assertThat(written()).containsExactly("a first", "a second", "none barrier", "b first", "c second", "c first");
    }

    @Test
    void withoutABatchEveryStatementRunsAtOnce() {
        keyed(SECOND, "a");
        keyed(FIRST, "b");
        keyed(SECOND, "b");

        assertThat(written()).containsExactly("a second", "b first", "b second");
    }

    private static void keyed(String sql, String key) {
        BatchWrites.keyed(jdbc, sql, new MapSqlParameterSource("key", key), key);
    }

    private static void inBatch(Runnable handlers) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        BatchWrites.open(batch);
        try {
            handlers.run();
            assertThat(written()).as("nothing runs before the batch commits").isEmpty();
        } catch (RuntimeException | AssertionError e) {
            batch.rollback(e);
            throw e;
        }
        batch.commit();
    }

    private static List<String> written() {
        return jdbc.queryForList("select key || ' ' || step from batch_order order by n", Map.of(), String.class);
    }
}
