package vn.partyledger.ops.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.partyledger.ops.LedgerTestSupport;

class DataDirectoryLockTest {

    @Test
    void aSecondServiceOnTheSameDataDirectoryIsRefusedAndTheFirstOnesPostgresKeepsServing() throws Exception {
        Path dataDir = LedgerTestSupport.tempDir().resolve("pg");
        int port = LedgerTestSupport.freePort();
        try (SupervisedPostgres first = SupervisedPostgres.start(dataDir, port, Duration.ofSeconds(1))) {
            long postmaster = EmbeddedPostgresLauncher.postmaster(dataDir).orElseThrow().pid();

            // before, the second start took the first one's server for an orphan of a killed service and stopped it
            assertThatIllegalStateException()
                    .isThrownBy(() -> SupervisedPostgres.start(dataDir, LedgerTestSupport.freePort(), Duration.ofSeconds(1)))
                    .withMessageContaining("in use by another running ledger service");

            assertThat(EmbeddedPostgresLauncher.postmaster(dataDir).orElseThrow().pid()).isEqualTo(postmaster);
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);
            try (Connection c = DriverManager.getConnection(first.jdbcUrl(), "postgres", "postgres");
                 ResultSet rs = c.createStatement().executeQuery("select 1")) {
                assertThat(rs.next()).isTrue();
            }
            assertThat(first.restarts()).isZero();
        }
        // once the first has stopped, the directory is free again
        SupervisedPostgres.start(dataDir, port, Duration.ofSeconds(1)).close();
    }

    @Test
    void theLockIsHeldAgainstOtherProcessesAndGoesWithAKilledOne() throws Exception {
        Path dataDir = LedgerTestSupport.tempDir().resolve("pg");
        Path holder = dataDir.resolveSibling("Hold.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class Hold {
                    public static void main(String[] args) throws Exception {
                        FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        System.out.println(c.tryLock() == null ? "busy" : "locked");
                        // holds the lock until the test kills it (or closes its input)
                        System.in.read();
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(java, holder.toString(), dataDir.resolveSibling("pg.lock").toString())
                .redirectErrorStream(true).start();
        try {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(),
                    StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).isEqualTo("locked");
                assertThatIllegalStateException().isThrownBy(() -> DataDirectoryLock.acquire(dataDir))
                        .withMessageContaining("in use by another running ledger service");
                other.destroyForcibly();
                assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            // kill -9 of the holder: the operating system released its lock
            DataDirectoryLock.acquire(dataDir).close();
        } finally {
            other.destroyForcibly();
        }
    }
}
