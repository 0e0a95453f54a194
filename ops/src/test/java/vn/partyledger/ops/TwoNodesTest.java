package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.partyledger.LedgerApplication;

/**
 * Two service nodes on one external PostgreSQL: commands are handled on either node, optimistic concurrency on the
 * aggregate's sequence turns a lost race into 409 (never a 500, never a lost or doubled event), and when the node that
 * holds the read models' segments stops, the other claims them from the shared token store and carries on.
 */
class TwoNodesTest {

    @Test
    void twoNodesShareOneDatabaseAndTakeOverEachOthersProcessors() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            ConfigurableApplicationContext a = node(url);
            ConfigurableApplicationContext b = node(url);
            try {
                LedgerClient onA = client(a);
                LedgerClient onB = client(b);
                Scenario s = new Scenario(onA);
                String province = s.establish("PROVINCE", null, null, "Tỉnh Tuyên Quang", "2010-01-01");
                String cell = new Scenario(onB).establish("CELL", "VILLAGE", province, "Chi bộ Hưng Kiều 2", "2010-01-01");
                for (int i = 0; i < 6; i++) {
                    new Scenario(i % 2 == 0 ? onA : onB).enrollOfficial(cell, "Ma Văn " + i, "2001-01-01", "2002-01-01");
                }
                for (LedgerClient c : List.of(onA, onB)) {
                    new Scenario(c).awaitGet("/api/v1/organizations/" + cell + "/roll", r -> r.path("total").asInt() == 6);
                }

                // The same cell changed concurrently from both nodes: every answer is 202 or 409, and exactly the
                // accepted changes are stored.
                JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
                long before = events(jdbc, cell);
                ExecutorService pool = Executors.newFixedThreadPool(8);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    LedgerClient c = i % 2 == 0 ? onA : onB;
                    int day = 1 + i % 28;
                    answers.add(pool.submit(() -> c.post("/api/v1/organizations/" + cell + "/meeting-day",
                            json("dayOfMonth", day, "occurredOn", "2023-01-01")).status()));
                }
                int accepted = 0;
                for (Future<Integer> f : answers) {
                    int status = f.get();
                    assertThat(status).isIn(202, 409);
                    accepted += status == 202 ? 1 : 0;
                }
                pool.shutdown();
                assertThat(events(jdbc, cell) - before).isEqualTo(accepted);
                System.out.printf("two nodes, one cell: %d of 40 concurrent changes accepted, %d answered 409%n",
                        accepted, 40 - accepted);

                // Node A stops; B claims the segments A held once their claims time out, and keeps the read models current.
                a.close();
                new Scenario(onB).enrollOfficial(cell, "Ma Văn cuối", "2001-01-01", "2002-01-01");
                Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                        onB.get("/api/v1/organizations/" + cell + "/roll").body().path("total").asInt() == 7);
            } finally {
                b.close();
                a.close();
            }
        }
    }

    private static long events(JdbcTemplate jdbc, String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                aggregateId);
    }

    private static ConfigurableApplicationContext node(String url) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--ledger.bootstrap.operator-password=" + LedgerTestSupport.OPERATOR_PASSWORD,
                "--axon.eventhandling.tokenstore.claim-timeout=5s");
    }

    private static LedgerClient client(ConfigurableApplicationContext node) {
        return RestartTest.client(node);
    }
}
