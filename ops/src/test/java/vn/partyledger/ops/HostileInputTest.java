package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each hostile request the issue found once stored or answered with a 500: now a 4xx problem, nothing stored. */
class HostileInputTest extends LedgerTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    private String province;
    private String cell;
    private long before;

    @BeforeEach
    void tree() {
        Scenario s = new Scenario(operator());
        province = s.establish("PROVINCE", null, null, "Tỉnh Cao Bằng", "2010-01-01");
        String commune = s.establish("COMMUNE", null, province, "Xã Trường Hà", "2010-01-01");
        cell = s.establish("CELL", "VILLAGE", commune, "Chi bộ Nà Mạ", "2010-01-01");
        before = storedEvents();
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private LedgerClient.Response refused(String path, String body, String field) {
        LedgerClient.Response r = operator().post(path, body);
        assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.body().path("errors").findValuesAsText("field")).as(r.toString()).contains(field);
        }
        assertThat(storedEvents()).as("nothing stored for " + body).isEqualTo(before);
        return r;
    }

    private String commune(String name) {
        return "{\"level\":\"COMMUNE\",\"parentId\":\"" + province + "\",\"name\":" + name + ",\"occurredOn\":\"2010-01-01\"}";
    }

    @Test
    void aNulInANameIsRefusedAndNothingIsStored() {
        refused("/api/v1/organizations", commune("\"Xã \\u0000 Ma\""), "name");
        refused("/api/v1/organizations", commune("\"Xã \\u0007 Ma\""), "name");
        refused("/api/v1/organizations", commune("\"Xã \\ud83d Ma\""), "name");
        refused("/api/v1/organizations", commune("true"), "name");
        refused("/api/v1/organizations", commune("12"), "name");
    }

    @Test
    void aCommandThatTakesNoBodyRefusesOneAndSealsNothing() {
        refused("/api/v1/ledger/seals", "{\"sealNo\":1}", "body");
        refused("/api/v1/ledger/keys/rotation", "{}", "body");
    }

    @Test
    void lenientJsonIsRefused() {
        String valid = commune("\"Xã Lenient\"");
        refused("/api/v1/organizations", valid + "garbage", null);
        refused("/api/v1/organizations", valid.replace("{", "{\"name\":\"Xã A\","), "name");
        refused("/api/v1/organizations", valid.replace("\"COMMUNE\"", "1"), "level");
        refused("/api/v1/organizations", valid.replace("\"2010-01-01\"", "14610"), "occurredOn");
        refused("/api/v1/organizations", valid.replace("\"2010-01-01\"", "\"2010-01-01T00:00:00\""), "occurredOn");
        refused("/api/v1/organizations", valid.replace("\"2010-01-01\"", "\"+999999999-01-01\""), "occurredOn");
        refused("/api/v1/organizations", valid.replace("\"2010-01-01\"", "\"1899-12-31\""), "occurredOn");
        refused("/api/v1/organizations", valid.replace("{", "{\"actor\":{\"userId\":\"mallory\"},"), "actor");
        refused("/api/v1/organizations", valid.replace("{", "{\"grassroots\":\"true\","), "grassroots");
        refused("/api/v1/organizations/" + cell + "/meeting-day",
                "{\"dayOfMonth\":24.9,\"occurredOn\":\"2023-01-01\"}", "dayOfMonth");
        refused("/api/v1/organizations/" + cell + "/meeting-day",
                "{\"dayOfMonth\":\"24\",\"occurredOn\":\"2023-01-01\"}", "dayOfMonth");
        refused("/api/v1/organizations/" + cell + "/meeting-day",
                "{\"dayOfMonth\":99999999999999999999999999999,\"occurredOn\":\"2023-01-01\"}", null);
        refused("/api/v1/organizations/" + cell + "/meeting-day",
                "{\"dayOfMonth\":24,\"dayOfMonth\":\"x\",\"occurredOn\":\"2023-01-01\"}", "dayOfMonth");
        refused("/api/v1/organizations", "[".repeat(5000) + "]".repeat(5000), null);
    }

    @Test
    void nullsInListsAndControlCharactersInIdsAreRefusedWithTheirPath() {
        String member = new Scenario(operator()).registerCandidate(cell, "Lò Thị Én", "2000-01-01", "2020-01-01");
        before = storedEvents();
        refused("/api/v1/members/" + member + "/admission", "{\"decisionNo\":\"1\",\"decisionIssuer\":\"x\","
                + "\"decisionDate\":\"2021-01-01\",\"ceremonyDate\":\"2021-01-02\",\"introducers\":[null],"
                + "\"cellVote\":{\"approving\":2,\"officialMembers\":3,\"heldOn\":\"2021-01-01\"}}", "introducers[0]");
        refused("/api/v1/members", "{\"organizationId\":\"" + cell + "\\u0000\",\"fullName\":\"A\","
                + "\"birthDate\":\"2000-01-01\",\"gender\":\"MALE\",\"occurredOn\":\"2020-01-01\"}", "organizationId");
    }

    @Test
    void textIsStoredInNfc() {
        String decomposed = "Xa\u0303 Nguye\u0302\u0303n";
        LedgerClient.Response created = operator().post("/api/v1/organizations",
                json("level", "COMMUNE", "parentId", province, "name", decomposed, "occurredOn", "2010-01-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                + " WHERE aggregateidentifier = ?", String.class, created.id());
        assertThat(payload).contains("Xã Nguyễn").doesNotContain(decomposed);
    }

    @Test
    void onlyJsonInWellFormedUtf8IsRead() throws Exception {
        String body = commune("\"Xã Ngoại\"");
        for (String type : new String[] {"application/evil+json", "text/plain", "application/json;charset=ISO-8859-1"}) {
            RawHttp.Answer a = RawHttp.send(port, "POST", "/api/v1/organizations", operatorAuth(), type,
                    body.getBytes(StandardCharsets.UTF_8));
            assertThat(a.status()).as(type + " " + a).isEqualTo(415);
            assertThat(a.contentType()).startsWith("application/problem+json");
        }
        byte[] bytes = commune("\"Xã XX\"").getBytes(StandardCharsets.UTF_8);
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf("XX");
        bytes[at] = (byte) 0xC3;
        bytes[at + 1] = (byte) 0x28;
        RawHttp.Answer invalid = RawHttp.send(port, "POST", "/api/v1/organizations", operatorAuth(),
                "application/json", bytes);
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void containerLevelErrorsAnswerProblemJson() throws Exception {
        for (String target : new String[] {"/api/v1/meetings/%00", "/api/v1/meetings/%25", "/api/v1/meetings/%zz",
                "/api/v1/meetings/a%2Fb", "/api/v1/meetings/%C3%28", "/api/v1/../../etc/passwd"}) {
            RawHttp.Answer a = RawHttp.send(port, "GET", target, operatorAuth(), null, null);
            assertThat(a.status()).as(target + " " + a).isBetween(400, 499);
            assertThat(a.contentType()).as(target + " " + a).startsWith("application/problem+json");
        }
        RawHttp.Answer header = RawHttp.send(port, "GET", "/api/v1/organizations", operatorAuth(), null, null,
                "X-Big: " + "x".repeat(20_000));
        assertThat(header.status()).as(header.toString()).isBetween(400, 499);
        assertThat(header.contentType()).as(header.toString()).startsWith("application/problem+json");

        RawHttp.Answer longPassword = RawHttp.send(port, "GET", "/api/v1/organizations",
                RawHttp.basic(OPERATOR, "p".repeat(10_000)), null, null);
        assertThat(longPassword.status()).isBetween(400, 499);
        assertThat(longPassword.contentType()).startsWith("application/problem+json");

        RawHttp.Answer huge = RawHttp.send(port, "POST", "/api/v1/organizations", operatorAuth(), "application/json",
                new byte[10 * 1024 * 1024]);
        assertThat(huge.status()).as(huge.toString()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void passwordsBcryptCannotHoldAreRefusedWithA400() {
        LedgerClient.Response tooLong = operator().post("/api/v1/users", Map.of("username", "long.password",
                "password", "Mật-khẩu-dài-".repeat(8)));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.body().path("errors").findValuesAsText("field")).contains("password");
        LedgerClient.Response weak = operator().post("/api/v1/users", Map.of("username", "weak.password",
                "password", "abcdefghijkl"));
        assertThat(weak.status()).as(weak.toString()).isEqualTo(400);
        assertThat(operator().as(OPERATOR, "é".repeat(60)).get("/api/v1/organizations").status()).isEqualTo(401);
    }

    @Test
    void outOfRangeQueryAndPathParametersAnswerA400NamingThem() throws Exception {
        // Every controller's parameter constraints, whichever way Spring checks them, end in a 400 naming the
        // parameter: a client can always send these, so a 500 here would blame the ledger for the client's input.
        Map<String, String> named = Map.of(
                "/api/v1/organizations/" + cell + "/development?year=3000", "year",
                "/api/v1/organizations/" + cell + "/commitment-coverage?year=1200", "year",
                "/api/v1/organizations/" + cell + "/commitment-coverage?year=2020&size=1001", "size",
                "/api/v1/organizations/" + cell + "/rating-distribution?subject=MEMBER&year=3000", "year",
                "/api/v1/ops/access-log?size=0", "size",
                "/api/v1/ops/access-log?page=-1", "page");
        refusedQueries(named);
        LedgerClient.Response quota = operator().put("/api/v1/organizations/" + cell + "/admission-quotas/3000",
                Map.of("quota", 3, "occurredOn", "2020-01-01"));
        assertThat(quota.status()).as(quota.toString()).isEqualTo(400);
        assertThat(quota.body().path("errors").findValuesAsText("field")).as(quota.toString()).contains("year");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void queryTextThatIsNotWellFormedUtf8AnswersA400NamingTheParameter() throws Exception {
        // Tomcat dropped a parameter with a broken escape (an access log asked for one user's requests listed
        // everyone's), read bytes that are not UTF-8 as U+FFFD, and let a NUL reach PostgreSQL (a 500).
        Map<String, String> named = Map.of(
                "/api/v1/ops/access-log?userId=a%00b", "userId",
                "/api/v1/ops/access-log?userId=%zz", "userId",
                "/api/v1/ops/access-log?organizationId=%C3%28", "organizationId",
                "/api/v1/organizations/" + cell + "/history?types=%ED%A0%80", "types",
                "/api/v1/organizations?x%00=1", "query");
        refusedQueries(named);
        RawHttp.Answer vietnamese = RawHttp.send(port, "GET", "/api/v1/ops/access-log?userId=Nguy%E1%BB%85n+V%C4%83n",
                operatorAuth(), null, null);
        assertThat(vietnamese.status()).as(vietnamese.toString()).isEqualTo(200);
    }

    @Test
    void datesAndInstantsInAQueryAreReadAsStrictlyAsInABody() throws Exception {
        // @DateTimeFormat(iso = DATE) read +999999999-12-31 (echoed as a tree's asOf; a 500 from the bundle), and
        // Spring read an instant as milliseconds since 1970 or with a ten-digit year (a 500 from every read).
        Map<String, String> named = Map.of(
                "/api/v1/organizations/" + cell + "/tree?asOf=%2B999999999-12-31", "asOf",
                "/api/v1/organizations/" + cell + "/tree?asOf=2023-02-29", "asOf",
                "/api/v1/organizations/" + cell + "/roll?asOf=0000-01-01", "asOf",
                "/api/v1/ledger/scopes/" + cell + "/bundle?from=-999999999-01-01", "from",
                "/api/v1/organizations?knownAt=-1", "knownAt",
                "/api/v1/organizations/" + cell + "?knownAt=-1000000000-01-01T00:00:00Z", "knownAt",
                "/api/v1/ops/access-log?from=%2B1000000000-12-31T23:59:59Z", "from",
                "/api/v1/organizations/" + cell + "/tree?knownAt=2026-11-28T15:15+07:00", "knownAt");
        refusedQueries(named);
        String vietnamTime = OffsetDateTime.now(ZoneOffset.ofHours(7)).toString().replace("+", "%2B");
        for (String accepted : new String[] {"/api/v1/organizations/" + cell + "/tree?asOf=2024-02-29",
                "/api/v1/organizations/" + cell + "/tree?knownAt=" + vietnamTime,
                "/api/v1/organizations/" + cell + "/tree?knownAt=" + Instant.now()}) {
            RawHttp.Answer a = RawHttp.send(port, "GET", accepted, operatorAuth(), null, null);
            assertThat(a.status()).as(accepted + " " + a).isEqualTo(200);
            assertThat(a.body()).contains("Chi bộ Nà Mạ");
        }
    }

    /** Each target answers a 400 problem naming (only) its parameter. */
    private void refusedQueries(Map<String, String> fieldByTarget) throws Exception {
        for (Map.Entry<String, String> e : fieldByTarget.entrySet()) {
            refusedQuery(e.getKey(), e.getValue());
        }
    }

    private void refusedQuery(String target, String field) throws Exception {
        // also "*/*": the bundle answers a zip, so with only application/json accepted it would be a 406
        RawHttp.Answer a = RawHttp.send(port, "GET", target, operatorAuth(), null, null, "Accept: */*");
        assertThat(a.status()).as(target + " " + a).isEqualTo(400);
        assertThat(a.contentType()).as(target + " " + a).startsWith("application/problem+json");
        assertThat(JSON.readTree(a.body()).path("errors").findValuesAsText("field")).as(target + " " + a)
                .containsExactly(field);
    }

    private static String operatorAuth() {
        return RawHttp.basic(OPERATOR, OPERATOR_PASSWORD);
    }
}
