package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.partyledger.LedgerApplication;

/** Events and read models survive stopping and starting the service on the same data directory, with no replay. */
class RestartTest {

    @Test
    void eventsAndReadModelsSurviveARestartWithoutReplay() {
        Path dataDir = LedgerTestSupport.tempDir();
        int pgPort = LedgerTestSupport.freePort();
        String cell;
        String province;
        long headBefore;
        try (ConfigurableApplicationContext app = start(dataDir, pgPort)) {
            Scenario s = new Scenario(client(app));
            province = s.establish("PROVINCE", null, null, "Tỉnh Hà Giang", "2010-01-01");
            cell = s.establish("CELL", "VILLAGE", province, "Chi bộ thôn Lũng Cú", "2010-01-01");
            for (int i = 0; i < 3; i++) {
                s.enrollOfficial(cell, "Sùng Mí " + i, "2001-01-01", "2002-01-01");
            }
            s.awaitGet("/api/v1/organizations/" + cell + "/roll", r -> r.path("total").asInt() == 3);
            headBefore = app.getBean(JdbcTemplate.class).queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        }

        try (ConfigurableApplicationContext app = start(dataDir, pgPort)) {
            LedgerClient client = client(app);
            // Read at once, without waiting: the read models were persisted with their tokens, nothing is replayed.
            LedgerClient.Response roll = client.get("/api/v1/organizations/" + cell + "/roll");
            assertThat(roll.status()).isEqualTo(200);
            assertThat(roll.body().path("counts").path("official").asInt()).isEqualTo(3);
            JsonNode processors = client.get("/api/v1/ops/processors").body();
            for (JsonNode p : processors) {
                assertThat(p.path("replaying").asBoolean()).as(p.toString()).isFalse();
            }

            new Scenario(client).enrollOfficial(cell, "Sùng Mí 3", "2001-01-01", "2002-01-01");
            Long headAfter = app.getBean(JdbcTemplate.class).queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
            assertThat(headAfter).as("no sequence-allocation gap after a restart").isEqualTo(headBefore + 1);
            new Scenario(client).awaitGet("/api/v1/organizations/" + cell + "/roll", r -> r.path("total").asInt() == 4);
        }
    }

    static ConfigurableApplicationContext start(Path dataDir, int pgPort) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--server.port=0",
                "--ledger.embedded-postgres.data-dir=" + dataDir.resolve("pg"),
                "--ledger.embedded-postgres.port=" + pgPort,
                "--ledger.bootstrap.operator-password=" + LedgerTestSupport.OPERATOR_PASSWORD);
    }

    static LedgerClient client(ConfigurableApplicationContext app) {
        String port = app.getEnvironment().getProperty("local.server.port");
        return new LedgerClient("http://localhost:" + port, LedgerTestSupport.OPERATOR, LedgerTestSupport.OPERATOR_PASSWORD);
    }
}
