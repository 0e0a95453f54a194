package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.partyledger.ops.monitoring.MonitoringFiles;

/**
 * Operators: a replayed (rebuilt beside the live tables) read model equals the live one; a failing projection parks
 * events visibly, never skips them, also while it is being rebuilt.
 */
class ReplayAndDeadLetterTest extends LedgerTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void replayedRollEqualsTheLiveOne() throws IOException {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        String province = s.establish("PROVINCE", null, null, "Tỉnh Thừa Thiên Huế", "2010-01-01");
        String cell = s.establish("CELL", "AGENCY", province, "Chi bộ cơ quan", "2010-01-01");
        for (int i = 0; i < 5; i++) {
            s.enrollOfficial(cell, "Nguyễn Văn " + i, "2001-01-01", "2002-01-01");
        }
        JsonNode live = s.awaitGet("/api/v1/organizations/" + province + "/tree", t -> t.path("roots").path(0)
                .path("subtreeCounts").path("official").asInt() == 5);

        LedgerClient.Response started = op.post("/api/v1/ops/processors/member-roll/replay", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.body().path("targetPosition").asLong()).isPositive();
        // Blue/green: the live tables answer in full while the rebuild runs, never an empty roll.
        JsonNode during = op.get("/api/v1/organizations/" + province + "/tree").body();
        assertThat(during.path("roots")).isEqualTo(live.path("roots"));
        JsonNode done = s.awaitGet("/api/v1/ops/processors/member-roll/replay", p -> p.path("finished").asBoolean());
        assertThat(done.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(done.path("state").asText()).isEqualTo("SWITCHED");

        JsonNode rebuilt = s.awaitGet("/api/v1/organizations/" + province + "/tree", t -> t.path("roots").path(0)
                .path("subtreeCounts").path("official").asInt() == 5);
        assertThat(rebuilt.path("roots")).isEqualTo(live.path("roots"));

        JsonNode processors = op.get("/api/v1/ops/processors").body();
        assertThat(processors.findValuesAsText("name")).contains("member-roll", "organization-tree", "command-directory");

        // The operators' alert rules and dashboard (README "Monitoring") name only meters this service exposes.
        String exposed = op.get("/actuator/prometheus").raw().body();
        assertThat(MonitoringFiles.metricNames()).as("metrics named in ops/prometheus and ops/grafana")
                .isNotEmpty()
                .allMatch(name -> Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(exposed).find(),
                        "exposed at /actuator/prometheus");
    }

    @Test
    void failingProjectionParksTheEventInTheDeadLetterQueueAndRetrySucceedsAfterTheFix() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        FailingProjection.broken = true;
        String bad = s.establish("PROVINCE", null, null, "Tỉnh FAIL", "2010-01-01");
        String good = s.establish("PROVINCE", null, null, "Tỉnh Nam Định", "2010-01-01");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> FailingProjection.seen.contains(good));
        assertThat(FailingProjection.seen).doesNotContain(bad);
        JsonNode letters = s.awaitGet("/api/v1/ops/dead-letters", l -> l.path("items").size() > 0).path("items");
        JsonNode letter = letters.path(0);
        assertThat(letter.path("processingGroup").asText()).isEqualTo(FailingProjection.GROUP);
        assertThat(letter.path("cause").asText()).contains("simulated projection bug");
        assertThat(op.get("/actuator/prometheus").raw().body()).contains("ledger_deadletters_enqueued_total");

        FailingProjection.broken = false;
        LedgerClient.Response retried = op.post("/api/v1/ops/dead-letters/" + letter.path("eventIdentifier").asText()
                + "/retry", "");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.body().path("processed").asBoolean()).isTrue();
        assertThat(FailingProjection.seen).contains(bad);
        assertThat(op.get("/api/v1/ops/dead-letters").body().path("total").asLong()).isZero();
    }

    @Test
    void deadLettersComeInPagesThatTogetherListThemAll() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        FailingProjection.broken = true;
        List<String> events = new ArrayList<>();
        for (String name : List.of("Tỉnh FAIL trang một", "Tỉnh FAIL trang hai")) {
            String bad = s.establish("PROVINCE", null, null, name, "2010-01-01");
            events.add(jdbc.queryForObject("select eventidentifier from domainevententry where aggregateidentifier = ? "
                    + "and payloadtype like '%OrganizationEstablished'", String.class, bad));
        }
        JsonNode all = s.awaitGet("/api/v1/ops/dead-letters?size=1000",
                l -> l.path("items").findValuesAsText("eventIdentifier").containsAll(events));
        long total = all.path("total").asLong();
        assertThat(total).isEqualTo(all.path("items").size()).isGreaterThanOrEqualTo(2);

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < total; page++) {
            JsonNode one = op.get("/api/v1/ops/dead-letters?size=1&page=" + page).body();
            assertThat(one.path("items")).hasSize(1);
            assertThat(one.path("total").asLong()).isEqualTo(total);
            paged.add(one.path("items").get(0).path("eventIdentifier").asText());
        }
        assertThat(paged).containsExactlyElementsOf(all.path("items").findValuesAsText("eventIdentifier"));
        assertThat(op.get("/api/v1/ops/dead-letters?size=1&page=" + total).body().path("items")).isEmpty();
        LedgerClient.Response tooLarge = op.get("/api/v1/ops/dead-letters?size=1001");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.body().path("errors").findValuesAsText("field")).containsExactly("size");

        FailingProjection.broken = false;
        for (String event : events) {
            LedgerClient.Response retried = op.post("/api/v1/ops/dead-letters/" + event + "/retry", "");
            assertThat(retried.body().path("processed").asBoolean()).as(retried.toString()).isTrue();
        }
    }

    @Test
    void aDeadLetterParkedDuringARebuildIsKeptAfterTheSwitch() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        FailingProjection.broken = true;
        String bad = s.establish("PROVINCE", null, null, "Tỉnh FAIL tái dựng", "2010-01-01");
        String event = jdbc.queryForObject("select eventidentifier from domainevententry where aggregateidentifier = ? "
                + "and payloadtype like '%OrganizationEstablished'", String.class, bad);
        s.awaitGet("/api/v1/ops/dead-letters", l -> l.path("items").findValuesAsText("eventIdentifier").contains(event));

        LedgerClient.Response started = op.post("/api/v1/ops/processors/" + FailingProjection.GROUP + "/replay", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode done = s.awaitGet("/api/v1/ops/processors/" + FailingProjection.GROUP + "/replay",
                p -> p.path("finished").asBoolean());
        String archive = done.path("archiveSchema").asText();

        List<JsonNode> letters = new ArrayList<>();
        op.get("/api/v1/ops/dead-letters").body().path("items").forEach(l -> {
            if (l.path("eventIdentifier").asText().equals(event)) {
                letters.add(l);
            }
        });
        assertThat(letters).as("the letter the rebuild parked, now the live processor's").hasSize(1);
        assertThat(letters.get(0).path("processingGroup").asText()).isEqualTo(FailingProjection.GROUP);
        assertThat(jdbc.queryForObject("select count(*) from deadletterentry where processinggroup = ?", Integer.class,
                archive)).as("the letter parked against the replaced set stays with its archive").isPositive();

        FailingProjection.broken = false;
        LedgerClient.Response retried = op.post("/api/v1/ops/dead-letters/" + event + "/retry", "");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.body().path("processed").asBoolean()).isTrue();
        assertThat(FailingProjection.seen).contains(bad);
        // The rebuild also parked again what other tests' broken events left: retried too, leaving the queue empty.
        for (JsonNode l : op.get("/api/v1/ops/dead-letters").body().path("items")) {
            if (l.path("processingGroup").asText().equals(FailingProjection.GROUP)) {
                op.post("/api/v1/ops/dead-letters/" + l.path("eventIdentifier").asText() + "/retry", "");
            }
        }
    }
}
