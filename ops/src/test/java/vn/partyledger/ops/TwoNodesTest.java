package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.partyledger.LedgerApplication;

/**
 * Two service nodes on one external PostgreSQL. Commands are handled on either node: both append to one organisation's
 * scope at the same time and its numbers stay 1..n without a hole; the same record changed from both nodes at once
 * turns the lost races into 409 (never a 500, never a lost or doubled event). Node B runs in a JVM of its own and holds
 * every read model's segments; it is killed (SIGKILL, no shutdown), and node A claims the segments from the shared token
 * store once B's claims time out, and brings the read models up to date.
 */
class TwoNodesTest {

    private static final int WAVES = 12;

    @Test
    void twoNodesNumberOneScopeTogetherAnswerLostRacesWith409AndTakeOverAKilledNodesSegments() throws Exception {
        Path logs = LedgerTestSupport.tempDir();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            JdbcTemplate jdbc = new JdbcTemplate(pg.getPostgresDatabase());
            int portB = LedgerTestSupport.freePort();
            // B starts first, so it claims every segment of every read model; A then has none until B is gone.
            Process b = ServiceProcess.launch(logs, "node-b", "--server.port=" + portB,
                    "--spring.datasource.url=" + url, "--spring.datasource.username=postgres");
            ConfigurableApplicationContext a = null;
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                LedgerClient onB = new LedgerClient("http://localhost:" + portB, LedgerTestSupport.OPERATOR,
                        LedgerTestSupport.OPERATOR_PASSWORD);
                ServiceProcess.awaitHealthy(onB, b, logs.resolve("node-b.log"));
                String ownerB = b.pid() + "@";
                Awaitility.await("B claims every segment").atMost(Duration.ofSeconds(60)).until(() ->
                        jdbc.queryForObject("SELECT count(*) FROM tokenentry", Long.class) > 0
                                && owners(jdbc).stream().allMatch(o -> o != null && o.startsWith(ownerB)));
                a = node(url);
                LedgerClient onA = RestartTest.client(a);

                Scenario s = new Scenario(onA);
                String province = s.establish("PROVINCE", null, null, "Tỉnh Tuyên Quang", "2010-01-01");
                String cell = new Scenario(onB).establish("CELL", "VILLAGE", province, "Chi bộ Hưng Kiều 2", "2010-01-01");
                for (int i = 0; i < 4; i++) {
                    new Scenario(i % 2 == 0 ? onA : onB).enrollOfficial(cell, "Ma Văn " + i, "2001-01-01", "2002-01-01");
                }

                // Waves of simultaneous requests, half on each node: changes of the cell itself (one aggregate, so
                // within a wave the two nodes race for the same next sequence number) and enrolments of new members
                // (other aggregates of the same scope). All of them append to the cell's scope.
                long cellEventsBefore = count(jdbc, "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", cell);
                int accepted = 0;
                int conflicts = 0;
                List<String> enrolled = new ArrayList<>();
                for (int wave = 0; wave < WAVES; wave++) {
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<LedgerClient.Response>> changes = new ArrayList<>();
                    List<Future<LedgerClient.Response>> enrolments = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        LedgerClient c = i % 2 == 0 ? onA : onB;
                        int day = 1 + (wave * 8 + i) % 28;
                        changes.add(pool.submit(() -> {
                            go.await();
                            return c.post("/api/v1/organizations/" + cell + "/meeting-day",
                                    json("dayOfMonth", day, "occurredOn", "2023-01-01"));
                        }));
                    }
                    for (int i = 0; i < 4; i++) {
                        LedgerClient c = i % 2 == 0 ? onA : onB;
                        String name = "Ma Thị " + wave + "-" + i;
                        enrolments.add(pool.submit(() -> {
                            go.await();
                            return enrolment(c, cell, name);
                        }));
                    }
                    go.countDown();
                    for (Future<LedgerClient.Response> f : changes) {
                        LedgerClient.Response r = f.get(90, TimeUnit.SECONDS);
                        assertThat(r.status()).as(r.toString()).isIn(202, 409);
                        accepted += r.status() == 202 ? 1 : 0;
                        conflicts += r.status() == 409 ? 1 : 0;
                    }
                    for (Future<LedgerClient.Response> f : enrolments) {
                        LedgerClient.Response r = f.get(90, TimeUnit.SECONDS);
                        assertThat(r.status()).as(r.toString()).isIn(201, 409);
                        if (r.status() == 201) {
                            enrolled.add(r.id());
                        }
                    }
                }
                System.out.printf("two nodes, one cell: %d of %d concurrent changes accepted, %d answered 409; "
                        + "%d of %d enrolments accepted%n", accepted, WAVES * 8, conflicts, enrolled.size(), WAVES * 4);
                assertThat(conflicts).as("the nodes really raced for the same record").isPositive();
                assertThat(count(jdbc, "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", cell)
                        - cellEventsBefore).as("exactly the accepted changes are stored").isEqualTo(accepted);
                for (String member : enrolled) {
                    assertThat(count(jdbc, "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", member))
                            .isPositive();
                }
                assertScopeNumberedWithoutHoles(jdbc, cell);

                // B dies without a word: its claims stay in the token store until they are older than the claim timeout
                // (10 s by default; a live B renews its claims about every 5 s, so A leaves them alone while B runs),
                // then A takes them over.
                assertThat(owners(jdbc)).as("segments B holds when it dies").anyMatch(o -> o != null && o.startsWith(ownerB));
                b.destroyForcibly().waitFor();
                String last = new Scenario(onA).enrollOfficial(cell, "Ma Văn cuối", "2001-01-01", "2002-01-01");
                int total = 4 + enrolled.size() + 1;
                Awaitility.await("A's read models show the command sent after the kill").atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(500)).until(() ->
                                onA.get("/api/v1/organizations/" + cell + "/roll").body().path("total").asInt() == total);
                assertThat(onA.get("/api/v1/members/" + last).status()).isEqualTo(200);
                String ownerA = ProcessHandle.current().pid() + "@";
                Awaitility.await("A holds every segment").atMost(Duration.ofSeconds(60)).until(() ->
                        owners(jdbc).stream().allMatch(o -> o != null && o.startsWith(ownerA)));
                assertScopeNumberedWithoutHoles(jdbc, cell);
            } finally {
                pool.shutdownNow();
                b.destroyForcibly().waitFor();
                if (a != null) {
                    a.close();
                }
            }
        }
    }

    private static LedgerClient.Response enrolment(LedgerClient on, String cell, String name) {
        return on.post("/api/v1/members/enrollments", json(
                "organizationId", cell, "fullName", name, "birthDate", "1980-02-01", "gender", "FEMALE",
                "ethnicity", "Tày", "educationLevel", "UPPER_SECONDARY", "admittedOn", "2001-01-01",
                "ceremonyDate", "2001-01-01", "officialOn", "2002-01-01", "source", "paper roll 2019",
                "occurredOn", "2019-12-01"));
    }

    private static void assertScopeNumberedWithoutHoles(JdbcTemplate jdbc, String scope) {
        List<Long> seqs = jdbc.queryForList("SELECT scope_seq FROM ledger_event WHERE scope_id = ? ORDER BY scope_seq",
                Long.class, scope);
        assertThat(seqs).as("scope %s numbered 1..n", scope)
                .isEqualTo(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
        assertThat((long) seqs.size()).isEqualTo(count(jdbc, "SELECT count(*) FROM domainevententry WHERE scope_id = ?", scope));
        assertThat(jdbc.queryForObject("SELECT seq FROM ledger_scope_head WHERE scope_id = ?", Long.class, scope))
                .isEqualTo(seqs.size());
    }

    /** Who holds each segment of every tracking read model. */
    private static List<String> owners(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT owner FROM tokenentry ORDER BY processorname, segment", String.class);
    }

    private static long count(JdbcTemplate jdbc, String sql, String arg) {
        return jdbc.queryForObject(sql, Long.class, arg);
    }

    private static ConfigurableApplicationContext node(String url) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--ledger.bootstrap.operator-password=" + LedgerTestSupport.OPERATOR_PASSWORD);
    }
}
