package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Intention-revealing steps of the end-to-end tests, each one HTTP call that must succeed. */
public final class Scenario {

    private final LedgerClient client;

    public Scenario(LedgerClient client) {
        this.client = client;
    }

    public String establish(String level, String cellType, String parentId, String name, String on) {
        LedgerClient.Response r = client.post("/api/v1/organizations",
                json("level", level, "cellType", cellType, "parentId", parentId, "name", name, "occurredOn", on));
        assertThat(r.status()).as("establish %s: %s", name, r).isEqualTo(201);
        assertThat(r.header("Location")).endsWith("/api/v1/organizations/" + r.id());
        return r.id();
    }

    public String enrollOfficial(String organizationId, String fullName, String admittedOn, String officialOn) {
        LedgerClient.Response r = client.post("/api/v1/members/enrollments", json(
                "organizationId", organizationId, "fullName", fullName, "birthDate", "1975-05-01", "gender", "MALE",
                "ethnicity", "Thái", "educationLevel", "UPPER_SECONDARY", "admittedOn", admittedOn,
                "ceremonyDate", admittedOn, "officialOn", officialOn, "source", "paper roll 2019",
                "occurredOn", "2019-12-01"));
        assertThat(r.status()).as("enroll %s: %s", fullName, r).isEqualTo(201);
        return r.id();
    }

    public String registerCandidate(String organizationId, String fullName, String birthDate, String on) {
        LedgerClient.Response r = client.post("/api/v1/members", json("organizationId", organizationId,
                "fullName", fullName, "birthDate", birthDate, "gender", "FEMALE", "ethnicity", "Mông",
                "educationLevel", "LOWER_SECONDARY", "occurredOn", on));
        assertThat(r.status()).as("register %s: %s", fullName, r).isEqualTo(201);
        return r.id();
    }

    /** Every processor this node runs has applied everything up to the store's head (lag 0). */
    public void awaitCaughtUp() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            LedgerClient.Response r = client.get("/api/v1/ops/processors");
            if (r.status() == 403) {
                return true;   // not an operator: fall back to polling the answer alone
            }
            for (JsonNode p : r.body()) {
                // a node that has claimed no segment of a processor (another node holds them) has nothing to wait for
                if (p.hasNonNull("lag") && p.path("lag").asLong() > 0) {
                    return false;
                }
            }
            return r.status() == 200;
        });
    }

    public void ok(LedgerClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
    }

    /**
     * Read models are eventually consistent: read with {@code Ledger-Min-Position} set to the highest position any
     * command of this test run was answered with (read-your-writes), and poll until the answer shows what the test
     * expects (a read model may also still be rebuilding after a replay).
     */
    public JsonNode awaitGet(String path, Predicate<JsonNode> ready) {
        LedgerClient.Response[] last = new LedgerClient.Response[1];
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                last[0] = client.getAfterWrites(path);
                return last[0].status() == 200 && ready.test(last[0].body());
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("GET " + path + " never showed what was expected; last answer: " + last[0], e);
        }
        return last[0].body();
    }
}
