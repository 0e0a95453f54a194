package vn.partyledger.ops.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, kept running for as long as the service runs.
 *
 * <p>The embedded server is part of the service: nobody else would restart it. If its postmaster dies (killed, OOM
 * killer, a crash), a watchdog notices within {@code checkEvery}, waits for the dead server's backends to go, and
 * starts PostgreSQL again on the same data directory and port; PostgreSQL's crash recovery replays its WAL, so every
 * committed transaction is back. Meanwhile the connection pool's connections fail, {@code /actuator/health} answers
 * 503 and commands fail without being acknowledged; afterwards the pool opens new connections to the same URL and the
 * event processors resume from their stored tokens. If a restart fails, the watchdog tries again on its next check; the
 * service stays unhealthy until one succeeds, and restarting the whole service recovers the same way as after
 * {@code kill -9} ({@link EmbeddedPostgresLauncher#recoverFromUncleanStop}).
 */
final class SupervisedPostgres implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(SupervisedPostgres.class);

    private final Path dataDir;
    private final int port;
    private final ScheduledExecutorService watchdog;
    private final DataDirectoryLock lock;
    private EmbeddedPostgres current;
    private Optional<ProcessHandle> postmaster;
    private boolean closed;
    private int restarts;

    private SupervisedPostgres(Path dataDir, int port, EmbeddedPostgres first, DataDirectoryLock lock) {
        this.dataDir = dataDir;
        this.port = port;
        this.lock = lock;
        this.current = first;
        this.postmaster = EmbeddedPostgresLauncher.postmaster(dataDir);
        if (postmaster.isEmpty()) {
            log.warn("No postmaster pid in {}: the embedded PostgreSQL is not watched", dataDir);
        }
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-postgres-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /** Refuses, before touching the directory, when another running service holds it ({@link DataDirectoryLock}). */
    public static SupervisedPostgres start(Path dataDir, int port, Duration checkEvery) throws IOException {
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
        SupervisedPostgres pg;
        try {
            pg = new SupervisedPostgres(dataDir, port, EmbeddedPostgresLauncher.start(dataDir, port), lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        pg.watchdog.scheduleWithFixedDelay(pg::check, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
        return pg;
    }

    /** The same URL across restarts: the server always comes back on the same port. */
    public synchronized String jdbcUrl() {
        return current.getJdbcUrl("postgres", "postgres");
    }

    /** How many times the watchdog has brought PostgreSQL back. */
    public synchronized int restarts() {
        return restarts;
    }

    synchronized void check() {
        // Without a postmaster pid (an unreadable postmaster.pid) there is nothing to watch: never restart a server
        // that may well be running.
        if (closed || postmaster.isEmpty() || postmaster.get().isAlive()) {
            return;
        }
        log.error("The embedded PostgreSQL serving {} (postmaster {}) has died; starting it again", dataDir,
                postmaster.map(ProcessHandle::pid).map(String::valueOf).orElse("unknown"));
        try {
            // Releases zonky's lock on the data directory; its "pg_ctl stop" fails on the dead server and is only logged.
            current.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Closing the dead embedded PostgreSQL failed", e);
        }
        try {
            current = EmbeddedPostgresLauncher.start(dataDir, port);
            Optional<ProcessHandle> restarted = EmbeddedPostgresLauncher.postmaster(dataDir);
            if (restarted.isEmpty()) {
                log.warn("No postmaster pid in {}: the embedded PostgreSQL is no longer watched", dataDir);
            }
            postmaster = restarted;
            restarts++;
            log.warn("The embedded PostgreSQL serving {} is running again (postmaster {}, restart {})", dataDir,
                    postmaster.map(ProcessHandle::pid).map(String::valueOf).orElse("unknown"), restarts);
        } catch (IOException | RuntimeException e) {
            // Keep the dead handle: the next check tries again. Health stays DOWN until then.
            log.error("Restarting the embedded PostgreSQL serving {} failed; retrying, or restart the service", dataDir, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        watchdog.shutdownNow();
        try {
            current.close();
        } finally {
            lock.close();
        }
    }
}
