package vn.partyledger.ops.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The access log: every authenticated request (who, with which grant, method, path, organisation, status, time),
 * queued by the request thread and written in batches by one background thread, so a command does not wait for it.
 * Rows older than {@code ledger.access-log.retention} are deleted once an hour. If the queue is full (the database is
 * down for long), entries are dropped and counted in {@code ledger_access_log_dropped_total}.
 */
@Component
public class AccessLog {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);
    private static final int BATCH = 500;

    public record Entry(Instant at, String userId, String username, String grantRole, String grantOrganizationId,
                        String method, String path, String organizationId, int status, long durationMs) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(50_000);
    private final Counter dropped;
    private final Thread writer;
    /** Entries queued, and entries written or given up on: {@link #flush} waits until the second reaches the first. */
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private volatile boolean running = true;
    private Instant lastPrune = Instant.EPOCH;

    AccessLog(JdbcTemplate jdbc, Clock clock, MeterRegistry meters,
              @Value("${ledger.access-log.retention:P365D}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.dropped = Counter.builder("ledger_access_log_dropped").register(meters);
        this.writer = new Thread(this::run, "access-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void record(Entry entry) {
        if (queue.offer(entry)) {
            queued.incrementAndGet();
        } else {
            dropped.increment();
        }
    }

    /** Waits until everything queued so far is written (tests, shutdown), at most ten seconds. */
    public void flush() {
        long target = queued.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (finished.get() < target && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public int prune() {
        Instant cutoff = clock.instant().minus(retention);
        return jdbc.update("DELETE FROM access_log WHERE at < ?", Timestamp.from(cutoff));
    }

    private void run() {
        List<Entry> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    try {
                        write(batch);
                    } catch (RuntimeException e) {
                        log.warn("access log: {} entries not written: {}", batch.size(), e.getMessage());
                    } finally {
                        finished.addAndGet(batch.size());
                        batch.clear();
                    }
                }
                if (clock.instant().isAfter(lastPrune.plus(Duration.ofHours(1)))) {
                    lastPrune = clock.instant();
                    prune();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("access log: pruning failed: {}", e.getMessage());
            }
        }
    }

    private void write(List<Entry> batch) {
        jdbc.batchUpdate("""
                INSERT INTO access_log (at, user_id, username, grant_role, grant_org_id, method, path, organization_id,
                                        status, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                batch, batch.size(), (ps, e) -> {
                    ps.setTimestamp(1, Timestamp.from(e.at()));
                    ps.setString(2, cut(e.userId(), 300));
                    ps.setString(3, cut(e.username(), 300));
                    ps.setString(4, e.grantRole());
                    ps.setString(5, e.grantOrganizationId());
                    ps.setString(6, cut(e.method(), 10));
                    ps.setString(7, cut(e.path(), 2000));
                    ps.setString(8, cut(e.organizationId(), 100));
                    ps.setInt(9, e.status());
                    ps.setInt(10, (int) Math.min(Integer.MAX_VALUE, e.durationMs()));
                });
    }

    /** Paths and names come from clients: cut to the column and rid of NUL, which PostgreSQL refuses in text. */
    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        String clean = s.replace('\u0000', '\uFFFD');
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.join(5_000);
    }
}
