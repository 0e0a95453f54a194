package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Durability of the embedded default, in three rounds on one data directory, each in the middle of a stream of writes
 * (new organisations, and members enrolled into one cell): PostgreSQL's postmaster is killed with SIGKILL under the
 * running service, which must start it again by itself; the service is killed with SIGKILL, leaving its PostgreSQL
 * orphaned; both are killed at once, leaving a stale postmaster.pid. After each round every acknowledged command is
 * stored and shown by the read models, and every scope is numbered 1..n without a hole.
 */
class KillRecoveryTest {

    @Test
    void everyAcknowledgedCommandSurvivesKillingPostgresTheServiceOrBoth() throws Exception {
        Path dataDir = LedgerTestSupport.tempDir();
        int pgPort = LedgerTestSupport.freePort();
        int httpPort = LedgerTestSupport.freePort();
        LedgerClient client = new LedgerClient("http://localhost:" + httpPort, LedgerTestSupport.OPERATOR,
                LedgerTestSupport.OPERATOR_PASSWORD);
        Acknowledged acked = new Acknowledged();

        Process service = launch(dataDir, pgPort, httpPort, "first");
        try {
            awaitHealthy(client, service, dataDir.resolve("first.log"));
            Scenario s = new Scenario(client);
            String province = s.establish("PROVINCE", null, null, "Tỉnh Sơn La", "2010-01-01");
            String cell = s.establish("CELL", "VILLAGE", province, "Chi bộ bản Hua Păng", "2010-01-01");
            acked.organizations.add(province);
            acked.organizations.add(cell);

            // Round 1: the postmaster dies under the running service. The service restarts it and goes on accepting.
            try (Writers w = new Writers(client, cell, acked, "pg")) {
                w.awaitMore(20);
                ProcessHandle postmaster = postmaster(dataDir);
                postmaster.destroyForcibly();
                postmaster.onExit().get(30, TimeUnit.SECONDS);
                int atKill = acked.size();
                w.awaitMore(atKill - w.startedAt + 20);
                w.close();
                System.out.println("answers while PostgreSQL was restarting: " + w.otherAnswers);
                assertThat(w.otherAnswers).as("the database's outage is no bug of the ledger's: 503, never a 500")
                        .allMatch(status -> status == 503);
            }
            assertThat(service.isAlive()).as("the same service process carried on").isTrue();
            assertThat(Files.readString(dataDir.resolve("first.log")))
                    .as("the service noticed its PostgreSQL died and started it again")
                    .contains("has died; starting it again").contains("is running again");
            assertThat(client.get("/actuator/prometheus").raw().body())
                    .containsPattern("(?m)^ledger_embedded_postgres_restarts_total(\\{[^}]*\\})? 1\\.0$");
            verify(client, pgPort, cell, acked);

            // Round 2: the service dies; its PostgreSQL lives on as an orphan holding the data directory.
            try (Writers w = new Writers(client, cell, acked, "svc")) {
                w.awaitMore(20);
                service.destroyForcibly().waitFor();
            }
            assertThat(Files.exists(dataDir.resolve("pg/postmaster.pid"))).as("unclean stop leaves postmaster.pid").isTrue();
            service = launch(dataDir, pgPort, httpPort, "second");
            awaitHealthy(client, service, dataDir.resolve("second.log"));
            assertThat(Files.readString(dataDir.resolve("second.log")))
                    .as("the restart found and stopped the orphaned PostgreSQL of the killed service")
                    .contains("orphaned PostgreSQL");
            verify(client, pgPort, cell, acked);

            // Round 3: both die at once; postmaster.pid names a dead process.
            try (Writers w = new Writers(client, cell, acked, "both")) {
                w.awaitMore(20);
                ProcessHandle postmaster = postmaster(dataDir);
                service.destroyForcibly();
                postmaster.destroyForcibly();
                service.waitFor();
                postmaster.onExit().get(30, TimeUnit.SECONDS);
            }
            service = launch(dataDir, pgPort, httpPort, "third");
            awaitHealthy(client, service, dataDir.resolve("third.log"));
            assertThat(Files.readString(dataDir.resolve("third.log"))).contains("Removing stale");
            verify(client, pgPort, cell, acked);
            System.out.printf("kill recovery: %d organisations and %d members acknowledged over three kills%n",
                    acked.organizations.size(), acked.members.size());
        } finally {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    /** Ids answered 201: the commands the ledger promised to keep. */
    static final class Acknowledged {
        final List<String> organizations = new CopyOnWriteArrayList<>();
        final List<String> members = new CopyOnWriteArrayList<>();

        int size() {
            return organizations.size() + members.size();
        }
    }

    /** Two clients writing until closed: new provinces (a new scope each) and enrolments into one cell (one scope). */
    static final class Writers implements AutoCloseable {
        private final Acknowledged acked;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        /** Every answer but 201, e.g. while the database is restarting. */
        final List<Integer> otherAnswers = new CopyOnWriteArrayList<>();
        final int startedAt;

        Writers(LedgerClient client, String cell, Acknowledged acked, String round) {
            this.acked = acked;
            this.startedAt = acked.size();
            threads.add(writer(acked.organizations, n -> client.post("/api/v1/organizations",
                    json("level", "PROVINCE", "name", "Tỉnh " + round + " " + n, "occurredOn", "2020-01-01"))));
            threads.add(writer(acked.members, n -> client.post("/api/v1/members/enrollments", json(
                    "organizationId", cell, "fullName", "Lò Văn " + round + " " + n, "birthDate", "1975-05-01",
                    "gender", "MALE", "ethnicity", "Thái", "educationLevel", "UPPER_SECONDARY",
                    "admittedOn", "2000-03-01", "ceremonyDate", "2000-03-01", "officialOn", "2001-03-01",
                    "source", "paper roll 2019", "occurredOn", "2019-12-01"))));
            threads.forEach(Thread::start);
        }

        private Thread writer(List<String> into, java.util.function.IntFunction<LedgerClient.Response> command) {
            return new Thread(() -> {
                for (int n = 0; !stop.get(); n++) {
                    try {
                        LedgerClient.Response r = command.apply(n);
                        if (r.status() == 201) {
                            into.add(r.id());
                        } else {
                            otherAnswers.add(r.status());
                        }
                    } catch (RuntimeException connectionLost) {
                        // the service or its database went away mid-request: that command was never acknowledged
                    }
                }
            });
        }

        /** Waits until this round's writers have had {@code count} commands acknowledged. */
        void awaitMore(int count) {
            Awaitility.await("writes acknowledged in this round").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> acked.size() - startedAt >= count);
        }

        /** Stops the writers; a request in flight finishes first, so its answer is counted. */
        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join(90_000);
            }
        }
    }

    private static void verify(LedgerClient client, int pgPort, String cell, Acknowledged acked) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "")) {
            for (String id : concat(acked.organizations, acked.members)) {
                assertThat(count(db, "SELECT count(*) FROM ledger_event WHERE aggregate_id = ?", id))
                        .as("acknowledged %s is stored", id).isPositive();
            }
            try (PreparedStatement q = db.prepareStatement("SELECT scope_id, count(*), min(scope_seq), max(scope_seq) "
                    + "FROM ledger_event GROUP BY scope_id HAVING count(*) <> max(scope_seq) OR min(scope_seq) <> 1");
                 ResultSet holes = q.executeQuery()) {
                assertThat(holes.next()).as("a scope whose numbers are not 1..n").isFalse();
            }
            long membersStored = count(db, "SELECT count(DISTINCT aggregate_id) FROM ledger_event "
                    + "WHERE scope_id = ? AND aggregate_id <> scope_id", cell);
            assertThat(membersStored).isGreaterThanOrEqualTo(acked.members.size());
            // Every stored enrolment is on the roll (also those whose answer was lost in the kill), none twice.
            new Scenario(client).awaitGet("/api/v1/organizations/" + cell + "/roll",
                    r -> r.path("total").asLong() == membersStored);
        }
        for (String id : acked.organizations) {
            awaitFound(client, "/api/v1/organizations/" + id);
        }
        for (String id : acked.members) {
            awaitFound(client, "/api/v1/members/" + id);
        }
    }

    private static void awaitFound(LedgerClient client, String path) {
        if (client.get(path).status() != 200) {
            Awaitility.await(path).atMost(Duration.ofSeconds(30)).until(() -> client.get(path).status() == 200);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static long count(Connection db, String sql, String arg) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, arg);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The postmaster of the embedded PostgreSQL: the first line of its postmaster.pid. */
    private static ProcessHandle postmaster(Path dataDir) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("postmaster " + pid + " is not running"));
    }

    private static Process launch(Path dataDir, int pgPort, int httpPort, String name) throws IOException {
        return ServiceProcess.launch(dataDir, name,
                "--server.port=" + httpPort,
                "--ledger.embedded-postgres.data-dir=" + dataDir.resolve("pg"),
                "--ledger.embedded-postgres.port=" + pgPort);
    }

    private static void awaitHealthy(LedgerClient client, Process process, Path log) {
        ServiceProcess.awaitHealthy(client, process, log);
    }
}
