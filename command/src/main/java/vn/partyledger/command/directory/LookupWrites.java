package vn.partyledger.command.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The command-side lookups' writes of one unit of work — a command's events in the subscribing processor, or a
 * rebuild's batch — sent to PostgreSQL when every event of the unit has been handled, in its prepare-commit phase:
 * still inside the command's transaction, before the events' commit, so the next command sees them exactly as before.
 * A whole meeting's 42 attendance rows then cost one JDBC batch instead of 42 round trips inside the command.
 *
 * <p>Consecutive writes with the same SQL go out as one batch, and batches go out in the order of their writes, so
 * the tables end exactly as if each write had run when its handler ran. Work that must see the unit's earlier writes
 * (a member's roll refolded from its facts) is deferred with {@link #afterWrites} and runs once per key after them;
 * no handler of these groups reads the lookups otherwise. A write that fails fails the unit of work, and with it the
 * command, as a direct write did. Outside a unit of work (a projection test calling a handler) everything runs at once.
 * The read models' batches work the same way (query's {@code BatchWrites}, docs/decisions/0014); the command module
 * cannot use that class, and its units are a command's events rather than a processor's batch.
 */
final class LookupWrites {

    /** One queue per unit of work, shared by every lookup projection handling it, so their writes keep their order. */
    private static final String RESOURCE = LookupWrites.class.getName();

    private final NamedParameterJdbcTemplate jdbc;

    LookupWrites(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void update(String sql, Map<String, ?> parameters) {
        update(sql, new MapSqlParameterSource(parameters));
    }

    void update(String sql, SqlParameterSource parameters) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, parameters);
        } else {
            pending.add(sql, parameters);
        }
    }

    /** Runs {@code work} after the unit's writes, once per {@code key} however often it is asked for. */
    void afterWrites(String key, Runnable work) {
        Pending pending = pending();
        if (pending == null) {
            work.run();
        } else {
            pending.deferred.putIfAbsent(key, work);
        }
    }

    private Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get();
        return unit.getOrComputeResource(RESOURCE, key -> {
            Pending created = new Pending(jdbc);
            unit.onPrepareCommit(u -> created.flush());
            return created;
        });
    }

    private static final class Pending {
        private final NamedParameterJdbcTemplate jdbc;
        private final List<Batch> batches = new ArrayList<>();
        private final Map<String, Runnable> deferred = new LinkedHashMap<>();

        Pending(NamedParameterJdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        void add(String sql, SqlParameterSource parameters) {
            Batch last = batches.isEmpty() ? null : batches.get(batches.size() - 1);
            if (last == null || !last.sql.equals(sql)) {
                last = new Batch(sql);
                batches.add(last);
            }
            last.rows.add(parameters);
        }

        void flush() {
            for (Batch batch : batches) {
                if (batch.rows.size() == 1) {
                    jdbc.update(batch.sql, batch.rows.get(0));
                } else {
                    jdbc.batchUpdate(batch.sql, batch.rows.toArray(SqlParameterSource[]::new));
                }
            }
            batches.clear();
            deferred.values().forEach(Runnable::run);
            deferred.clear();
        }
    }

    private record Batch(String sql, List<SqlParameterSource> rows) {
        Batch(String sql) {
            this(sql, new ArrayList<>());
        }
    }
}
