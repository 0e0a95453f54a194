package vn.partyledger.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The writes of one processor batch (docs/decisions/0014). Projections hand their statements here instead of running
 * them: inside a batch that has opened a {@code BatchWrites} they are queued in event order and run when the batch
 * flushes — each run of consecutive identical statements as one JDBC batch, then the work projections deferred to the
 * end of the batch (such as re-folding each touched member once) — all inside the batch's transaction. Where no batch
 * has opened one (handlers called directly, as the query tests do) every statement runs at once and deferred work runs
 * straight after the event.
 *
 * <p>A statement given a <em>key</em> declares that it reads and writes only rows of that key (a meeting's rows, say).
 * Keyed statements may run before earlier keyed statements of other keys: each key's statements keep their order, and
 * a batch of whole meetings runs as a few JDBC batches (every meeting's row inserted, then every meeting's attendance,
 * ...) instead of a few round trips per meeting, which were most of a meeting register rebuild's time. Statements
 * without a key are never moved, and nothing is moved across them. So a projection's statements on one row see each
 * other's effects exactly as they would event by event, which is what keeps a rebuilt read model equal to the live one.
 */
public final class BatchWrites {

    private static final String RESOURCE = BatchWrites.class.getName();

    private record Statement(NamedParameterJdbcTemplate jdbc, String sql, SqlParameterSource params, Object key) {
    }

    /** One SQL text on one template (templates compare by identity). */
    private record Group(NamedParameterJdbcTemplate jdbc, String sql) {
    }

    /** A keyed statement and the layer it runs in. */
    private record Placed(Statement statement, int layer) {
    }

    private record Deferred<S>(S state, Consumer<S> run) {
        void execute() {
            run.accept(state);
        }
    }

    private final List<Statement> statements = new ArrayList<>();
    private final Map<String, Deferred<?>> deferred = new LinkedHashMap<>();
    private RuntimeException failure;

    private BatchWrites() {
    }

    /**
     * Opens the writes of the batch {@code root} runs, flushed when it prepares to commit (before the token is stored
     * with it, in the same transaction); returns the one already open.
     */
    public static BatchWrites open(UnitOfWork<?> root) {
        return root.getOrComputeResource(RESOURCE, key -> {
            BatchWrites writes = new BatchWrites();
            root.onPrepareCommit(u -> writes.flush());
            return writes;
        });
    }

    /** Runs {@code sql} with {@code params} now, or queues it in the current batch. */
    public static void update(NamedParameterJdbcTemplate jdbc, String sql, SqlParameterSource params) {
        keyed(jdbc, sql, params, null);
    }

    /**
     * {@link #update} of a statement that reads and writes only rows of {@code key}: in a batch it may run before
     * statements of other keys queued before it (see the class comment).
     */
    public static void keyed(NamedParameterJdbcTemplate jdbc, String sql, SqlParameterSource params, Object key) {
        BatchWrites writes = current();
        if (writes == null) {
            jdbc.update(sql, params);
        } else {
            writes.checkOpen();
            writes.statements.add(new Statement(jdbc, sql, params, key));
        }
    }

    /** {@link #update} for each of {@code rows}, in order. */
    public static void update(NamedParameterJdbcTemplate jdbc, String sql, SqlParameterSource[] rows) {
        BatchWrites writes = current();
        if (writes == null) {
            if (rows.length > 0) {
                jdbc.batchUpdate(sql, rows);
            }
        } else {
            writes.checkOpen();
            for (SqlParameterSource row : rows) {
                writes.statements.add(new Statement(jdbc, sql, row, null));
            }
        }
    }

    /**
     * Work done once per batch, after its statements: {@code add} records what this event contributes to the batch's
     * state (created by {@code state} on the batch's first such event, one per {@code key}), and {@code run} acts on it
     * when the batch flushes. Without a batch, {@code run} acts on this event's contribution alone, at once.
     */
    public static <S> void defer(String key, Supplier<S> state, Consumer<S> add, Consumer<S> run) {
        BatchWrites writes = current();
        if (writes == null) {
            S single = state.get();
            add.accept(single);
            run.accept(single);
            return;
        }
        writes.checkOpen();
        @SuppressWarnings("unchecked")
        Deferred<S> entry = (Deferred<S>) writes.deferred.computeIfAbsent(key, k -> new Deferred<>(state.get(), run));
        add.accept(entry.state());
    }

    /**
     * Marks the batch as failed: it cannot commit, whatever the handlers after this one do. The caller rolls it back and
     * retries its events one at a time.
     */
    public void fail(RuntimeException cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    /** Drops what is queued and not yet run: the writes of an event whose savepoint was rolled back. */
    public void discard() {
        statements.clear();
        deferred.clear();
    }

    /** Runs every queued statement, then the deferred work; the batch stays open for more. */
    public void flush() {
        checkOpen();
        int i = 0;
        while (i < statements.size()) {
            int end = i + 1;
            if (statements.get(i).key() == null) {
                while (end < statements.size() && statements.get(end).key() == null
                        && sameStatement(statements.get(i), statements.get(end))) {
                    end++;
                }
                run(statements.subList(i, end));
            } else {
                while (end < statements.size() && statements.get(end).key() != null) {
                    end++;
                }
                runInLayers(statements.subList(i, end));
            }
            i = end;
        }
        statements.clear();
        while (!deferred.isEmpty()) {
            var first = deferred.entrySet().iterator().next();
            deferred.remove(first.getKey());
            first.getValue().execute();
        }
    }

    /**
     * Runs keyed statements layer by layer: a statement goes one layer after the previous statement of its key, or
     * into the same layer when that one is the same statement (a meeting's attendance rows); within a layer, each
     * statement's rows run as one JDBC batch, in the order they were queued.
     */
    private static void runInLayers(List<Statement> keyed) {
        Map<Object, Placed> lastOfKey = new HashMap<>();
        List<Map<Group, List<Statement>>> layers = new ArrayList<>();
        for (Statement s : keyed) {
            Placed last = lastOfKey.get(s.key());
            int layer = last == null ? 0 : sameStatement(last.statement(), s) ? last.layer() : last.layer() + 1;
            lastOfKey.put(s.key(), new Placed(s, layer));
            while (layers.size() <= layer) {
                layers.add(new LinkedHashMap<>());
            }
            layers.get(layer).computeIfAbsent(new Group(s.jdbc(), s.sql()), k -> new ArrayList<>()).add(s);
        }
        for (Map<Group, List<Statement>> layer : layers) {
            layer.values().forEach(BatchWrites::run);
        }
    }

    /** Runs statements of one SQL text on one template: one statement, or one JDBC batch. */
    private static void run(List<Statement> same) {
        Statement first = same.get(0);
        if (same.size() == 1) {
            first.jdbc().update(first.sql(), first.params());
        } else {
            first.jdbc().batchUpdate(first.sql(),
                    same.stream().map(Statement::params).toArray(SqlParameterSource[]::new));
        }
    }

    private void checkOpen() {
        if (failure != null) {
            throw new BatchFailedException(failure);
        }
    }

    private static boolean sameStatement(Statement a, Statement b) {
        return a.jdbc() == b.jdbc() && a.sql().equals(b.sql());
    }

    private static BatchWrites current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getResource(RESOURCE);
    }

    /** A batch that an earlier event made fail: nothing of it may commit. */
    public static final class BatchFailedException extends IllegalStateException {
        BatchFailedException(RuntimeException cause) {
            super("an event of this batch failed; the batch is rolled back and retried event by event", cause);
        }
    }
}
