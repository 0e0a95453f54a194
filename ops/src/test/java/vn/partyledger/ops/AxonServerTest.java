package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.partyledger.LedgerApplication;

/**
 * The {@code axonserver} profile against the real Axon Server SE of {@code ../shared/axonserver/} (internal use only,
 * never copied into this repository): events and command routing go through Axon Server, tokens, dead letters and
 * read models stay in PostgreSQL.
 */
class AxonServerTest {

    /** From the ops module (Surefire's working directory) or the project root. */
    private static Path axonServerHome() {
        String configured = System.getenv("AXONSERVER_HOME");
        if (configured != null) {
            return Path.of(configured);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("axonserver");
            if (Files.exists(candidate.resolve("start.sh"))) {
                return candidate;
            }
        }
        return here.resolve("../../shared/axonserver").normalize();
    }

    @Test
    void eventsAndCommandsGoThroughAxonServerWhileReadModelsStayInPostgres() throws Exception {
        Path home = axonServerHome();
        // Never skipped: CI has Axon Server SE beside the project, and a missing server is a broken setup.
        assertThat(home.resolve("start.sh")).as("Axon Server SE (set AXONSERVER_HOME)").exists();
        Path data = LedgerTestSupport.tempDir();
        int http = LedgerTestSupport.freePort();
        int grpc = LedgerTestSupport.freePort();
        run(home.resolve("start.sh"), data.resolve("axonserver").toString(), Integer.toString(http), Integer.toString(grpc));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class).run(
                "--spring.profiles.active=axonserver",
                "--axon.axonserver.servers=localhost:" + grpc,
                "--server.port=0",
                "--ledger.embedded-postgres.data-dir=" + data.resolve("pg"),
                "--ledger.embedded-postgres.port=" + LedgerTestSupport.freePort(),
                "--ledger.bootstrap.operator-password=" + LedgerTestSupport.OPERATOR_PASSWORD)) {
            Scenario s = new Scenario(RestartTest.client(app));
            String province = s.establish("PROVINCE", null, null, "Tỉnh Hà Giang", "2010-01-01");
            String cell = s.establish("CELL", "VILLAGE", province, "Chi bộ thôn Lũng Cú", "2010-01-01");
            s.enrollOfficial(cell, "Vàng Mí Sính", "2001-01-01", "2002-01-01");
            s.awaitGet("/api/v1/organizations/" + province + "/tree",
                    t -> t.path("roots").path(0).path("subtreeCounts").path("official").asInt() == 1);

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class))
                    .as("events live in Axon Server, not in PostgreSQL").isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM tokenentry", Long.class))
                    .as("tokens stay in PostgreSQL").isPositive();

            // The mirror numbers every scope in Axon Server's order, with no hole, and fills the envelope columns.
            s.enrollOfficial(cell, "Vàng Thị Mai", "2003-01-01", "2004-01-01");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM ledger_event WHERE scope_id = ?", Long.class, cell) >= 3);
            java.util.List<Long> seqs = jdbc.queryForList(
                    "SELECT scope_seq FROM ledger_event WHERE scope_id = ? ORDER BY global_index", Long.class, cell);
            assertThat(seqs).isEqualTo(java.util.stream.LongStream.rangeClosed(1, seqs.size()).boxed().toList());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_event WHERE scope_id = ? AND occurred_on IS NULL "
                    + "OR scope_id = ? AND recorded_at IS NULL OR scope_id = ? AND actor_user_id IS NULL",
                    Long.class, cell, cell, cell)).isZero();
            assertThat(jdbc.queryForList("SELECT DISTINCT scope_id FROM ledger_event", String.class))
                    .contains(province, cell);

            // The same hash chain, seals and bundle as on PostgreSQL, from the mirror's order.
            LedgerClient op = RestartTest.client(app);
            assertThat(op.post("/api/v1/ledger/seals", "").status()).isEqualTo(201);
            LedgerClient.Response verified = op.get("/api/v1/ledger/scopes/" + cell + "/verification");
            assertThat(verified.body().path("ok").asBoolean()).as(verified.toString()).isTrue();
            assertThat(verified.body().path("sealedTo").asLong()).isEqualTo(seqs.size());
            LedgerClient.Download bundle = op.download("/api/v1/ledger/scopes/" + cell + "/bundle");
            assertThat(vn.partyledger.verifier.BundleVerifier.verify(vn.partyledger.verifier.Bundle.read(
                    new java.io.ByteArrayInputStream(bundle.bytes()))).ok()).isTrue();
        } finally {
            run(home.resolve("stop.sh"), data.resolve("axonserver").toString());
        }
    }

    private static void run(Path script, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = script.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(150, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(script.getFileName() + " said:\n" + output).isZero();
    }
}
