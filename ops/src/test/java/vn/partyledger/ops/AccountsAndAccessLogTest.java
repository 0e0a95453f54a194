package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.partyledger.ops.LedgerClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.partyledger.ops.security.AccessLog;

/** Accounts: throttled guessing, password and grant changes effective at once and recorded; the access log. */
class AccountsAndAccessLogTest extends LedgerTestSupport {

    private static final String PASSWORD = "Account-test-password-1";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccessLog accessLog;

    private String user(String username, List<Map<String, String>> grants) {
        LedgerClient.Response r = operator().post("/api/v1/users",
                Map.of("username", username, "password", PASSWORD, "grants", grants));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    @Test
    void repeatedFailedLoginsOfOneAccountAreThrottledWithRetryAfter() {
        user("throttled.user", List.of(Map.of("role", "INSPECTOR")));
        LedgerClient wrong = operator().as("throttled.user", "not-the-password");
        for (int i = 0; i < 5; i++) {
            assertThat(wrong.get("/api/v1/organizations").status()).isEqualTo(401);
        }
        LedgerClient.Response throttled = operator().as("throttled.user", PASSWORD).get("/api/v1/organizations");
        assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(operator().get("/api/v1/organizations").status()).as("other accounts are not held up").isEqualTo(200);
    }

    @Test
    void passwordChangeAndGrantRevocationTakeEffectAtOnceAndAreRecorded() {
        LedgerClient op = operator();
        String province = new Scenario(op).establish("PROVINCE", null, null, "Tỉnh Bắc Kạn", "2010-01-01");
        String id = user("changing.user", List.of(Map.of("role", "INSPECTOR", "organizationId", province)));
        LedgerClient before = op.as("changing.user", PASSWORD);
        assertThat(before.getAfterWrites("/api/v1/organizations/" + province).status()).isEqualTo(200);

        assertThat(op.post("/api/v1/users/" + id + "/grant-revocations",
                json("role", "INSPECTOR", "organizationId", province)).status()).isEqualTo(202);
        assertThat(before.getAfterWrites("/api/v1/organizations/" + province).status()).as("revoked at once").isEqualTo(403);

        assertThat(op.post("/api/v1/users/" + id + "/grants", json("role", "DASHBOARD_VIEWER", "organizationId", province))
                .status()).isEqualTo(202);
        assertThat(before.getAfterWrites("/api/v1/organizations/" + province).status()).as("granted at once").isEqualTo(200);

        LedgerClient.Response weak = op.post("/api/v1/users/" + id + "/password", json("password", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(op.post("/api/v1/users/" + id + "/password", json("password", "Another-password-2")).status())
                .isEqualTo(202);
        assertThat(before.getAfterWrites("/api/v1/organizations/" + province).status()).as("old password at once").isEqualTo(401);
        assertThat(op.as("changing.user", "Another-password-2").getAfterWrites("/api/v1/organizations/" + province).status())
                .isEqualTo(200);

        JsonNode history = op.get("/api/v1/users/" + id).body().path("history");
        assertThat(history.findValuesAsText("change"))
                .containsExactly("ACCOUNT_CREATED", "GRANTED", "REVOKED", "GRANTED", "PASSWORD_CHANGED");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM ledger_grant_change WHERE user_id = ?", id))
                .hasMessageContaining("append-only");
    }

    @Test
    void everyAuthenticatedRequestIsInTheAccessLogWithItsGrantAndScope() {
        LedgerClient op = operator();
        String province = new Scenario(op).establish("PROVINCE", null, null, "Tỉnh Lạng Sơn", "2010-01-01");
        String commune = new Scenario(op).establish("COMMUNE", null, province, "Xã Mẫu Sơn", "2010-01-01");
        String id = user("logged.viewer", List.of(Map.of("role", "DASHBOARD_VIEWER", "organizationId", province)));
        LedgerClient viewer = op.as("logged.viewer", PASSWORD);
        assertThat(viewer.getAfterWrites("/api/v1/organizations/" + commune + "/tree").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/organizations/" + commune + "/roll").status())
                .as("a dashboard viewer sees no one's record").isEqualTo(403);
        assertThat(anonymous().get("/api/v1/organizations").status()).isEqualTo(401);

        JsonNode log = op.get("/api/v1/ops/access-log?userId=" + id).body().path("items");
        assertThat(log).hasSize(2);
        JsonNode denied = log.get(0);
        JsonNode read = log.get(1);
        assertThat(denied.path("path").asText()).endsWith("/roll");
        assertThat(denied.path("status").asInt()).isEqualTo(403);
        assertThat(read.path("status").asInt()).isEqualTo(200);
        assertThat(read.path("method").asText()).isEqualTo("GET");
        assertThat(read.path("grantRole").asText()).isEqualTo("DASHBOARD_VIEWER");
        assertThat(read.path("grantOrganizationId").asText()).isEqualTo(province);
        assertThat(read.path("organizationId").asText()).isEqualTo(commune);
        assertThat(read.path("username").asText()).isEqualTo("logged.viewer");

        assertThat(op.get("/api/v1/ops/access-log?status=403&userId=" + id).body().path("items")).hasSize(1);
        assertThat(viewer.get("/api/v1/ops/access-log").status()).isEqualTo(403);
        jdbc.update("INSERT INTO access_log (at, user_id, method, path, status, duration_ms)"
                + " VALUES (now() - interval '400 days', 'old', 'GET', '/x', 200, 1)");
        assertThat(accessLog.prune()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_log WHERE user_id = 'old'", Long.class)).isZero();
    }

    @Test
    void answersCarrySecurityHeaders() {
        LedgerClient.Response r = operator().get("/api/v1/organizations");
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'", "script-src 'self'",
                "frame-ancestors 'none'");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void monitoringAndTheApiDocumentNeedAMonitoringGrantOrAnOperator() {
        String province = new Scenario(operator()).establish("PROVINCE", null, null, "Tỉnh Hà Nam", "2010-01-01");
        user("plain.inspector", List.of(Map.of("role", "INSPECTOR", "organizationId", province)));
        user("metrics.reader", List.of(Map.of("role", "MONITORING")));
        LedgerClient inspector = operator().as("plain.inspector", PASSWORD);
        LedgerClient monitoring = operator().as("metrics.reader", PASSWORD);
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/v3/api-docs")) {
            assertThat(inspector.get(path).status()).as(path).isEqualTo(403);
            assertThat(monitoring.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(monitoring.getAfterWrites("/api/v1/organizations/" + province).status()).isEqualTo(403);
    }
}
