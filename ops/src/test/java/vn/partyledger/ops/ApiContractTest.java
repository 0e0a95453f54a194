package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The HTTP contract: problem+json for bad input with nothing stored, the server-made envelope, auth and idempotency. */
class ApiContractTest extends LedgerTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    @Test
    void badInputGetsFieldLevelProblemAndStoresNothing() {
        LedgerClient op = operator();
        String province = new Scenario(op).establish("PROVINCE", null, null, "Tỉnh Tuyên Quang", "2010-01-01");
        long before = storedEvents();

        LedgerClient.Response missing = op.post("/api/v1/organizations",
                json("level", "COMMUNE", "parentId", province, "occurredOn", "2010-01-01"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.body().path("errors").findValuesAsText("field")).contains("name");

        LedgerClient.Response future = op.post("/api/v1/organizations", json("level", "COMMUNE", "parentId", province,
                "name", "Xã An Tường", "occurredOn", "2999-01-01"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().path("errors").findValuesAsText("field")).contains("occurredOn");

        LedgerClient.Response badEnum = op.post("/api/v1/organizations", json("level", "HAMLET", "parentId", province,
                "name", "Xã An Tường", "occurredOn", "2010-01-01"));
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.body().path("errors").path(0).path("field").asText()).isEqualTo("level");
        assertThat(badEnum.body().path("errors").path(0).path("message").asText()).contains("COMMUNE");

        LedgerClient.Response badDate = op.post("/api/v1/organizations", json("level", "COMMUNE", "parentId", province,
                "name", "Xã An Tường", "occurredOn", "23/03/2020"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().path("errors").path(0).path("field").asText()).isEqualTo("occurredOn");

        LedgerClient.Response malformed = op.post("/api/v1/organizations", "{\"level\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        LedgerClient.Response cellWithoutType = op.post("/api/v1/organizations", json("level", "CELL", "parentId", province,
                "name", "Chi bộ không loại", "occurredOn", "2010-01-01"));
        assertThat(cellWithoutType.status()).isBetween(400, 422);
        assertThat(cellWithoutType.body().path("errors").findValuesAsText("field")).contains("cellType");

        LedgerClient.Response unknownParent = op.post("/api/v1/organizations", json("level", "COMMUNE",
                "parentId", "00000000-0000-0000-0000-000000000000", "name", "Xã ma", "occurredOn", "2010-01-01"));
        assertThat(unknownParent.status()).isIn(403, 422);

        LedgerClient.Response unknownMember = op.post("/api/v1/members/no-such-member/death", json("occurredOn", "2020-01-01"));
        assertThat(unknownMember.status()).isEqualTo(404);
        assertThat(unknownMember.contentType()).startsWith("application/problem+json");

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void clientCannotSetActorOrRecordedAt() throws Exception {
        LedgerClient op = operator();
        Instant start = Instant.now().minus(1, ChronoUnit.SECONDS);
        long before = storedEvents();
        LedgerClient.Response smuggled = op.post("/api/v1/organizations", Map.of(
                "level", "PROVINCE", "name", "Tỉnh Hà Giang", "occurredOn", "2019-03-21",
                "actor", Map.of("userId", "mallory", "role", "OPERATOR"),
                "recordedAt", "2001-01-01T00:00:00Z"));
        assertThat(smuggled.status()).as("unknown fields are refused, not ignored").isEqualTo(400);
        assertThat(smuggled.body().path("errors").findValuesAsText("field")).containsAnyOf("actor", "recordedAt");
        assertThat(storedEvents()).isEqualTo(before);
        LedgerClient.Response created = op.post("/api/v1/organizations", Map.of(
                "level", "PROVINCE", "name", "Tỉnh Hà Giang", "occurredOn", "2019-03-21",
                "authority", Map.of("docNo", "01-QĐ/TU", "issuer", "Tỉnh ủy Hà Giang", "issuedOn", "2019-03-01")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        byte[] metadata = jdbc.queryForObject(
                "SELECT metadata FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                byte[].class, created.id());
        JsonNode envelope = LedgerClient.JSON.readTree(new String(metadata, StandardCharsets.UTF_8));
        String operatorId = jdbc.queryForObject("SELECT id FROM ledger_user WHERE username = ?", String.class, OPERATOR);
        assertThat(envelope.path("actor").path("userId").asText()).isEqualTo(operatorId);
        assertThat(envelope.path("actor").path("role").asText()).isEqualTo("OPERATOR");
        Instant recordedAt = Instant.parse(envelope.path("recordedAt").asText());
        assertThat(recordedAt).isAfter(start).isBefore(Instant.now().plusSeconds(1));
        assertThat(envelope.path("occurredOn").asText()).isEqualTo("2019-03-21");
        assertThat(envelope.path("scope").asText()).isEqualTo(created.id());
        assertThat(envelope.path("authority").path("docNo").asText()).isEqualTo("01-QĐ/TU");
        assertThat(envelope.path("correlationId").asText()).isNotBlank();
        assertThat(envelope.path("causationId").asText()).isNotBlank();
    }

    @Test
    void everyEndpointButHealthNeedsAuthentication() {
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        LedgerClient.Response denied = anonymous().get("/api/v1/organizations");
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(operator().as(OPERATOR, "wrong-password").get("/api/v1/organizations").status()).isEqualTo(401);
        assertThat(operator().get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(operator().get("/actuator/env").status()).isIn(401, 403, 404);
    }

    @Test
    void cellSecretaryActsOnlyWithinTheirCell() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        String province = s.establish("PROVINCE", null, null, "Tỉnh Sơn La", "2010-01-01");
        String commune = s.establish("COMMUNE", null, province, "Xã Vân Hồ", "2010-01-01");
        String saoDo2 = s.establish("CELL", "URBAN_QUARTER", commune, "Chi bộ tiểu khu Sao Đỏ 2", "2010-01-01");
        String other = s.establish("CELL", "VILLAGE", commune, "Chi bộ bản Hua Tạt", "2010-01-01");

        LedgerClient.Response user = op.post("/api/v1/users", Map.of("username", "secretary.saodo2",
                "password", "a-long-enough-password", "fullName", "Bí thư Sao Đỏ 2",
                "grants", List.of(Map.of("role", "CELL_SECRETARY", "organizationId", saoDo2))));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        LedgerClient secretary = op.as("secretary.saodo2", "a-long-enough-password");

        LedgerClient.Response own = secretary.post("/api/v1/organizations/" + saoDo2 + "/meeting-day",
                json("dayOfMonth", 24, "committeePrepDay", 22, "occurredOn", "2023-01-01"));
        assertThat(own.status()).as(own.toString()).isEqualTo(202);
        LedgerClient.Response foreign = secretary.post("/api/v1/organizations/" + other + "/meeting-day",
                json("dayOfMonth", 24, "occurredOn", "2023-01-01"));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        LedgerClient.Response reshape = secretary.post("/api/v1/organizations",
                json("level", "CELL", "cellType", "VILLAGE", "parentId", saoDo2, "name", "x", "occurredOn", "2023-01-01"));
        assertThat(reshape.status()).isEqualTo(403);
        assertThat(secretary.get("/api/v1/ops/processors").status()).isEqualTo(403);
        assertThat(secretary.post("/api/v1/users", Map.of("username", "x", "password", "y")).status()).isIn(400, 403);
    }

    @Test
    void retryWithSameIdempotencyKeyReturnsFirstAnswerAndStoresNothingNew() {
        LedgerClient op = operator();
        Map<String, String> key = Map.of("Idempotency-Key", "establish-lao-cai-1");
        Object body = json("level", "PROVINCE", "name", "Tỉnh Lào Cai", "occurredOn", "2010-01-01");
        LedgerClient.Response first = op.post("/api/v1/organizations", body, key);
        long afterFirst = storedEvents();
        LedgerClient.Response second = op.post("/api/v1/organizations", body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(storedEvents()).isEqualTo(afterFirst);

        LedgerClient.Response different = op.post("/api/v1/organizations",
                json("level", "PROVINCE", "name", "Tỉnh khác", "occurredOn", "2010-01-01"), key);
        assertThat(different.status()).isEqualTo(422);
        assertThat(storedEvents()).isEqualTo(afterFirst);
    }

    @Test
    void openApiDocumentAndSwaggerUiAreServedToAuthenticatedUsers() {
        assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(401);
        LedgerClient.Response docs = operator().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("openapi").asText()).startsWith("3.1");
        assertThat(docs.body().path("paths").has("/api/v1/organizations/{id}/roll")).isTrue();
        assertThat(operator().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
