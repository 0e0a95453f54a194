package vn.partyledger.ops.integrity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partyledger.verifier.Chain;

/**
 * Links every scope's new events into its hash chain, off the ingest path: appends never wait for hashing. Walks
 * each scope in its own order from the last chained position up to the scope's committed head. One node at a time
 * (a transaction-scoped advisory lock), so two nodes never write the same link.
 */
@Component
public class Chainer {

    private static final Logger log = LoggerFactory.getLogger(Chainer.class);
    /** Advisory lock key of the chainer ("chain" in ASCII); sealing takes it too, so a seal sees finished heads. */
    static final long LOCK = 0x636861696EL;
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final LedgerEvents events;
    private final TransactionTemplate tx;
    private final AtomicBoolean paused = new AtomicBoolean();

    Chainer(JdbcTemplate jdbc, LedgerEvents events, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.events = events;
        this.tx = tx;
    }

    /** Chains everything committed so far; returns the number of events linked (0 if another node holds the lock). */
    int chainPending() {
        Integer linked = tx.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                return 0;
            }
            return chainUnderLock();
        });
        return linked == null ? 0 : linked;
    }

    /** For callers already holding {@link #LOCK} in their transaction. */
    int chainUnderLock() {
        int linked = 0;
        List<Map<String, Object>> behind = jdbc.queryForList("""
                SELECT h.scope_id, h.seq AS head, c.seq AS chained, c.link
                  FROM ledger_scope_head h LEFT JOIN ledger_chain_head c ON c.scope_id = h.scope_id
                 WHERE h.seq > COALESCE(c.seq, 0)""");
        for (Map<String, Object> row : behind) {
            String scope = (String) row.get("scope_id");
            long head = ((Number) row.get("head")).longValue();
            long chained = row.get("chained") == null ? 0 : ((Number) row.get("chained")).longValue();
            byte[] previous = row.get("link") == null ? Chain.GENESIS : (byte[]) row.get("link");
            linked += chainScope(scope, chained, previous, head);
        }
        return linked;
    }

    private int chainScope(String scope, long chained, byte[] previous, long head) {
        int linked = 0;
        while (chained < head) {
            List<LedgerEvents.Linkable> batch = events.linkable(scope, chained + 1, head, BATCH);
            List<Object[]> rows = new ArrayList<>();
            for (LedgerEvents.Linkable e : batch) {
                if (e.scopeSeq() != chained + 1) {
                    // cannot happen for committed positions; stopping keeps the chain gap-free until someone looks
                    log.error("scope {} has no event at position {} below its head {}; chaining stops there",
                            scope, chained + 1, head);
                    break;
                }
                previous = Chain.link(previous, e.canonicalBytes());
                chained = e.scopeSeq();
                rows.add(new Object[] {scope, chained, e.eventId(), previous});
            }
            if (rows.isEmpty()) {
                break;
            }
            jdbc.batchUpdate("INSERT INTO ledger_chain_link (scope_id, scope_seq, event_id, link) VALUES (?, ?, ?, ?)", rows);
            jdbc.update("""
                    INSERT INTO ledger_chain_head (scope_id, seq, link, chained_at) VALUES (?, ?, ?, now())
                    ON CONFLICT (scope_id) DO UPDATE SET seq = EXCLUDED.seq, link = EXCLUDED.link, chained_at = now()""",
                    scope, chained, previous);
            linked += rows.size();
            if (rows.size() < batch.size()) {
                break;
            }
        }
        return linked;
    }

    /**
     * Stops (or resumes) the continuous chaining on this node; seals and verifications still chain what they need.
     * The benchmark uses it to compare ingest with chaining on and off in one run.
     */
    public void pause(boolean pause) {
        paused.set(pause);
    }

    boolean paused() {
        return paused.get();
    }

    /** Events committed but not chained yet, over all scopes. */
    public long backlog() {
        Long behind = jdbc.queryForObject("""
                SELECT COALESCE(sum(h.seq - COALESCE(c.seq, 0)), 0)
                  FROM ledger_scope_head h LEFT JOIN ledger_chain_head c ON c.scope_id = h.scope_id""", Long.class);
        return behind == null ? 0 : behind;
    }
}
