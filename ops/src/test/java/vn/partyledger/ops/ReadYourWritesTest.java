package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A command's answer names the position of its last event; a read that sends it back is answered only once its read
 * model has applied it — no polling, no stale figure right after a write.
 */
class ReadYourWritesTest extends LedgerTestSupport {

    @Test
    void aReadSendingTheCommandsPositionSeesTheCommandsEffectAtOnce() {
        LedgerClient client = operator();
        Scenario s = new Scenario(client);
        String province = s.establish("PROVINCE", null, null, "Tỉnh Cao Bằng", "2010-01-01");
        for (int round = 0; round < 5; round++) {
            LedgerClient.Response created = client.post("/api/v1/organizations", json("level", "COMMUNE",
                    "parentId", province, "name", "Đảng bộ xã Quảng Uyên " + round, "occurredOn", "2010-01-01"));
            assertThat(created.status()).isEqualTo(201);
            String position = created.header("Ledger-Position");
            assertThat(position).as("a command's answer carries its position").matches("\\d+");

            LedgerClient.Response tree = client.post("/api/v1/organizations/" + created.id() + "/meeting-day",
                    json("dayOfMonth", 5, "occurredOn", "2011-01-01"));  // read models must apply it before answering
            assertThat(tree.status()).isEqualTo(202);
            assertThat(Long.parseLong(tree.header("Ledger-Position"))).isGreaterThan(Long.parseLong(position));

            LedgerClient.Response read = get(client, "/api/v1/organizations/" + created.id(), tree.header("Ledger-Position"));
            assertThat(read.status()).as("the organisation is there at once").isEqualTo(200);
            assertThat(read.body().path("meetingDay").asInt()).as("and so is the later change").isEqualTo(5);
        }
    }

    @Test
    void aMalformedMinimumPositionIsABadRequestNamingIt() {
        LedgerClient.Response r = get(operator(), "/api/v1/organizations", "soon");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().path("errors").path(0).path("field").asText()).isEqualTo("Ledger-Min-Position");
    }

    @Test
    void aPositionNotReachedInTimeIsA503WithRetryAfter() {
        LedgerClient.Response r = get(operator(), "/api/v1/organizations", Long.toString(Long.MAX_VALUE / 2));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("Retry-After")).matches("\\d+");
    }

    private static LedgerClient.Response get(LedgerClient client, String path, String minPosition) {
        return client.get(path, Map.of("Ledger-Min-Position", minPosition));
    }
}
