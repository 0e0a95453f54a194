package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A statement that fails in PostgreSQL aborts the transaction of the whole batch it is in: the batch is rolled back and
 * applied again event by event, which parks the failing event alone and applies the others (docs/decisions/0014).
 */
class BatchFailureTest extends LedgerTestSupport {

    @Test
    void aStatementFailingInsideABatchParksOnlyItsEventAndTheRestOfTheBatchIsApplied() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        FailingProjection.sqlBroken = true;
        List<String> good = new ArrayList<>();
        good.add(s.establish("PROVINCE", null, null, "Tỉnh Hà Giang", "2010-01-01"));
        String bad = s.establish("PROVINCE", null, null, "Tỉnh SQLFAIL", "2010-01-01");
        good.add(s.establish("PROVINCE", null, null, "Tỉnh Cao Bằng", "2010-01-01"));
        good.add(s.establish("PROVINCE", null, null, "Tỉnh Lào Cai", "2010-01-01"));

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> FailingProjection.seen.containsAll(good));
        JsonNode letters = s.awaitGet("/api/v1/ops/dead-letters", l -> l.path("items").size() > 0).path("items");
        assertThat(letters).hasSize(1);
        JsonNode letter = letters.path(0);
        assertThat(letter.path("processingGroup").asText()).isEqualTo(FailingProjection.GROUP);
        assertThat(letter.path("cause").asText()).contains("invalid input syntax");
        s.awaitCaughtUp();
        JsonNode processor = null;
        for (JsonNode p : op.get("/api/v1/ops/processors").body()) {
            if (p.path("name").asText().equals(FailingProjection.GROUP)) {
                processor = p;
            }
        }
        assertThat(processor).isNotNull();
        assertThat(processor.path("error").asBoolean()).isFalse();
        assertThat(processor.path("deadLetters").asLong()).isEqualTo(1);

        FailingProjection.sqlBroken = false;
        LedgerClient.Response retried = op.post("/api/v1/ops/dead-letters/" + letter.path("eventIdentifier").asText()
                + "/retry", "");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.body().path("processed").asBoolean()).isTrue();
        assertThat(FailingProjection.seen).contains(bad);
        assertThat(op.get("/api/v1/ops/dead-letters").body().path("total").asLong()).isZero();
    }
}
