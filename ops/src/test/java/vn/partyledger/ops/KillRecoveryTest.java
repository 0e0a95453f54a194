package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Durability of the embedded default: the service is killed with SIGKILL in the middle of a stream of writes, the
 * orphaned PostgreSQL and its postmaster.pid are left behind, and a restart on the same data directory must come up by
 * itself with every acknowledged command stored.
 */
class KillRecoveryTest {

    @Test
    void everyAcknowledgedCommandSurvivesKillDashNine() throws Exception {
        Path dataDir = LedgerTestSupport.tempDir();
        int pgPort = LedgerTestSupport.freePort();
        int httpPort = LedgerTestSupport.freePort();
        LedgerClient client = new LedgerClient("http://localhost:" + httpPort, LedgerTestSupport.OPERATOR,
                LedgerTestSupport.OPERATOR_PASSWORD);

        Process first = launch(dataDir, pgPort, httpPort, "first");
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            int n = 0;
            while (!stop.get()) {
                try {
                    LedgerClient.Response r = client.post("/api/v1/organizations",
                            json("level", "PROVINCE", "name", "Tỉnh " + n++, "occurredOn", "2020-01-01"));
                    if (r.status() == 201) {
                        acknowledged.add(r.id());
                    }
                } catch (RuntimeException connectionLost) {
                    // the service is gone mid-request: that command was never acknowledged
                }
            }
        });
        try {
            awaitHealthy(client, first, dataDir.resolve("first.log"));
            writer.start();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 40);
            first.destroyForcibly().waitFor();
        } finally {
            stop.set(true);
            writer.join(10_000);
            first.destroyForcibly();
        }
        assertThat(Files.exists(dataDir.resolve("pg/postmaster.pid"))).as("unclean stop leaves postmaster.pid").isTrue();

        Process second = launch(dataDir, pgPort, httpPort, "second");
        try {
            awaitHealthy(client, second, dataDir.resolve("second.log"));
            for (String id : List.copyOf(acknowledged)) {
                LedgerClient.Response r = client.get("/api/v1/organizations/" + id);
                if (r.status() != 200) {
                    // read model may still be catching up; the directory answers 404 only if the event is missing
                    Awaitility.await().atMost(Duration.ofSeconds(30))
                            .until(() -> client.get("/api/v1/organizations/" + id).status() == 200);
                }
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);
            assertThat(Files.readString(dataDir.resolve("second.log")))
                    .as("the restart found and stopped the orphaned PostgreSQL of the killed service")
                    .contains("orphaned PostgreSQL");
        } finally {
            second.destroy();
            if (!second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    private static Process launch(Path dataDir, int pgPort, int httpPort, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"), "vn.partyledger.LedgerApplication",
                "--server.port=" + httpPort,
                "--ledger.embedded-postgres.data-dir=" + dataDir.resolve("pg"),
                "--ledger.embedded-postgres.port=" + pgPort,
                "--ledger.bootstrap.operator-password=" + LedgerTestSupport.OPERATOR_PASSWORD)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile())
                .start();
    }

    private static void awaitHealthy(LedgerClient client, Process process, Path log) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("service died:\n" + Files.readString(log));
                }
                try {
                    return client.get("/actuator/health").status() == 200;
                } catch (RuntimeException notYet) {
                    return false;
                }
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("service did not become healthy; log:\n" + tail(log), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
