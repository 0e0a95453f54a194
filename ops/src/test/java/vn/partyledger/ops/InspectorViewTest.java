package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inspector's view through the HTTP API (issue 13, "Done when"): corrections and retractions as facts that show
 * the old value "known at" before them and the new one now, with dependents re-judged; histories with both facts side
 * by side; who may correct; an oversight case whose record request is in the ledger; inspector reads the cell can see.
 */
class InspectorViewTest extends LedgerTestSupport {

    private static final String PASSWORD = "a-long-enough-password";

    @Autowired
    JdbcTemplate jdbc;

    private record Place(String province, String commune, String cell, String other, List<String> members) {
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private Place place(Scenario s, String name) {
        String province = s.establish("PROVINCE", null, null, "Đảng bộ tỉnh " + name, "2010-01-01");
        String commune = s.establish("COMMUNE", null, province, "Đảng bộ xã " + name, "2010-01-01");
        String cell = s.establish("CELL", "VILLAGE", commune, "Chi bộ bản " + name + " 1", "2010-01-01");
        String other = s.establish("CELL", "VILLAGE", commune, "Chi bộ bản " + name + " 2", "2010-01-01");
        List<String> members = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            members.add(s.enrollOfficial(cell, "Lò Văn " + name + " " + i, "2010-03-01", "2011-03-01"));
            s.enrollOfficial(other, "Lường Thị " + name + " " + i, "2010-03-01", "2011-03-01");
        }
        return new Place(province, commune, cell, other, members);
    }

    private static String meeting(LedgerClient op, String cell, String heldOn, Map<String, String> statuses) {
        List<Map<String, Object>> attendance = new ArrayList<>();
        statuses.forEach((member, status) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("memberId", member);
            row.put("status", status);
            attendance.add(row);
        });
        Map<String, Object> body = new HashMap<>();
        body.put("held", true);
        body.put("kind", "REGULAR");
        body.put("heldOn", heldOn);
        body.put("agenda", List.of("Đánh giá kết quả tháng"));
        body.put("attendance", attendance);
        body.put("durationMinutes", 100);
        LedgerClient.Response r = op.post("/api/v1/organizations/" + cell + "/meetings", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    private static Map<String, String> statuses(List<String> members, String absent) {
        Map<String, String> m = new LinkedHashMap<>();
        members.forEach(id -> m.put(id, id.equals(absent) ? "ABSENT_NO_REASON" : "PRESENT"));
        return m;
    }

    private static String at(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    private static JsonNode month(JsonNode register, int month) {
        return register.path("months").get(month - 1);
    }

    static JsonNode find(JsonNode history, String type, Predicate<JsonNode> fact) {
        for (JsonNode item : history.path("items")) {
            if (item.path("type").asText().equals(type) && fact.test(item.path("fact"))) {
                return item;
            }
        }
        throw new AssertionError("no " + type + " in " + history);
    }

    private static Map<String, Object> authority() {
        return Map.of("docNo", "05-NQ/CB", "issuer", "Chi bộ", "issuedOn", "2025-06-24");
    }

    private static LedgerClient user(LedgerClient op, String username, String role, String organizationId) {
        LedgerClient.Response r = op.post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "fullName", username, "grants", List.of(Map.of("role", role, "organizationId", organizationId))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return op.as(username, PASSWORD);
    }

    @Test
    void attendanceCorrectedToExcusedShowsUnexcusedKnownBeforeAndExcusedNowWithoutTheP12Flag() throws Exception {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Place p = place(s, "Mường Chà");
        String absent = p.members().get(2);
        meeting(op, p.cell(), "2025-03-24", statuses(p.members(), absent));
        meeting(op, p.cell(), "2025-04-24", statuses(p.members(), absent));
        String may = meeting(op, p.cell(), "2025-05-24", statuses(p.members(), absent));
        String risk = "/api/v1/organizations/" + p.cell() + "/attendance-risk?year=2025";
        s.awaitGet(risk, b -> b.path("items").size() == 1 && b.path("items").get(0).path("rollRemovalFlag").asBoolean());
        Instant before = instantBetweenFacts();

        JsonNode dossier = s.awaitGet("/api/v1/members/" + absent + "/dossier?types=AttendanceRecorded",
                b -> b.path("total").asInt() == 3);
        JsonNode recorded = find(dossier, "AttendanceRecorded", f -> f.path("meetingId").asText().equals(may));

        // the same rules as the original: an excused absence records its reason
        long stored = events();
        LedgerClient.Response noReason = op.post("/api/v1/corrections", json("correctsEventId",
                recorded.path("eventId").asText(), "reason", "có giấy ốm", "authority", authority(),
                "occurredOn", "2025-06-24", "replacement", Map.of("status", "ABSENT_EXCUSED")));
        assertThat(noReason.status()).as(noReason.toString()).isIn(400, 422);
        assertThat(noReason.body().path("errors").get(0).path("field").asText()).isEqualTo("replacement.reason");
        assertThat(events()).isEqualTo(stored);

        // who may correct: not another cell's secretary, not an inspector; the owning cell or its superior may
        LedgerClient foreign = user(op, "secretary.other.muongcha", "CELL_SECRETARY", p.other());
        LedgerClient inspector = user(op, "inspector.muongcha", "INSPECTOR", p.commune());
        Map<String, Object> correction = Map.of("correctsEventId", recorded.path("eventId").asText(),
                "reason", "đồng chí ốm, có giấy của trạm y tế", "authority", authority(), "occurredOn", "2025-06-24",
                "replacement", Map.of("status", "ABSENT_EXCUSED", "reason", "ốm"));
        assertThat(foreign.post("/api/v1/corrections", correction).status()).isEqualTo(403);
        assertThat(inspector.post("/api/v1/corrections", correction).status()).isEqualTo(403);
        assertThat(events()).isEqualTo(stored);
        LedgerClient committee = user(op, "committee.muongcha", "COMMUNE_COMMITTEE", p.commune());
        LedgerClient.Response corrected = committee.post("/api/v1/corrections", correction);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(202);

        // now: excused, two months without reason, no P12 flag; the May figure re-judged
        JsonNode now = s.awaitGet(risk, b -> b.path("items").size() == 1
                && !b.path("items").get(0).path("rollRemovalFlag").asBoolean());
        assertThat(now.path("items").get(0).path("monthsWithoutLegitimateReason")).hasSize(2);
        JsonNode register = op.get("/api/v1/organizations/" + p.cell() + "/meeting-register?year=2025").body();
        assertThat(month(register, 5).path("absentWithoutReason").asInt()).isZero();
        assertThat(month(register, 4).path("absentWithoutReason").asInt()).isEqualTo(1);

        // known at the instant before the correction: unexcused, flagged, and the answer says which instant
        LedgerClient.Response then = op.get(risk + "&knownAt=" + at(before));
        assertThat(then.body().path("items").get(0).path("rollRemovalFlag").asBoolean()).isTrue();
        assertThat(then.body().path("provenance").path("knownAt").asText()).isEqualTo(before.toString());
        assertThat(then.header("Ledger-Known-At")).isEqualTo(before.toString());
        JsonNode registerThen = op.get("/api/v1/organizations/" + p.cell() + "/meeting-register?year=2025&knownAt="
                + at(before)).body();
        assertThat(month(registerThen, 5).path("absentWithoutReason").asInt()).isEqualTo(1);
        JsonNode meetingThen = op.get("/api/v1/meetings/" + may + "?knownAt=" + at(before)).body();
        JsonNode meetingNow = op.get("/api/v1/meetings/" + may).body();
        assertThat(status(meetingThen, absent)).isEqualTo("ABSENT_NO_REASON");
        assertThat(status(meetingNow, absent)).isEqualTo("ABSENT_EXCUSED");

        // the history shows the original, the correction, its reason and approver side by side
        JsonNode history = s.awaitGet("/api/v1/members/" + absent + "/dossier?types=AttendanceRecorded,"
                + "AttendanceCorrected", b -> b.path("total").asInt() == 4);
        JsonNode original = find(history, "AttendanceRecorded", f -> f.path("meetingId").asText().equals(may));
        JsonNode fix = find(history, "AttendanceCorrected", f -> true);
        assertThat(original.path("correctedBy").get(0).asText()).isEqualTo(fix.path("eventId").asText());
        assertThat(fix.path("correctsEventId").asText()).isEqualTo(recorded.path("eventId").asText());
        assertThat(fix.path("reason").asText()).isEqualTo("đồng chí ốm, có giấy của trạm y tế");
        assertThat(fix.path("authority").path("docNo").asText()).isEqualTo("05-NQ/CB");
        assertThat(fix.path("actor").path("role").asText()).isEqualTo("COMMUNE_COMMITTEE");
        assertThat(fix.path("summary").asText()).startsWith("Đính chính điểm danh");
        JsonNode english = op.get("/api/v1/members/" + absent + "/dossier?types=AttendanceCorrected",
                Map.of("Accept-Language", "en")).body();
        assertThat(english.path("items").get(0).path("summary").asText()).startsWith("Attendance of member");
        JsonNode knownThen = op.get("/api/v1/members/" + absent + "/dossier?types=AttendanceRecorded,"
                + "AttendanceCorrected&knownAt=" + at(before)).body();
        assertThat(knownThen.path("total").asInt()).isEqualTo(3);
        assertThat(find(knownThen, "AttendanceRecorded", f -> f.path("meetingId").asText().equals(may))
                .path("correctedBy")).isEmpty();
    }

    @Test
    void theRollAndTheTreeKnownAtAnInstantShowTheLedgerAsItStoodThen() throws Exception {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Place p = place(s, "Sín Chải");
        String roll = "/api/v1/organizations/" + p.cell() + "/roll?asOf=2015-01-01";
        String tree = "/api/v1/organizations/" + p.commune() + "/tree?asOf=2015-01-01";
        s.awaitGet(roll, b -> b.path("total").asInt() == 3);
        Instant before = instantBetweenFacts();

        // recorded later, dated back: a member of 2012 taken over from the paper roll, and a cell founded in 2011
        String late = s.enrollOfficial(p.cell(), "Lò Văn Sín Chải 4", "2012-03-01", "2013-03-01");
        String third = s.establish("CELL", "VILLAGE", p.commune(), "Chi bộ bản Sín Chải 3", "2011-01-01");
        s.awaitGet(roll, b -> b.path("total").asInt() == 4);
        JsonNode treeNow = s.awaitGet(tree, b -> b.path("roots").get(0).path("children").size() == 3);
        assertThat(treeNow.path("roots").get(0).path("subtreeCounts").path("official").asInt()).isEqualTo(7);

        LedgerClient.Response rollThen = op.get(roll + "&knownAt=" + at(before));
        assertThat(rollThen.status()).as(rollThen.toString()).isEqualTo(200);
        assertThat(rollThen.body().path("total").asInt()).isEqualTo(3);
        assertThat(rollThen.body().path("items")).noneMatch(e -> e.path("memberId").asText().equals(late));
        assertThat(rollThen.body().path("items")).allMatch(e -> e.path("fullName").asText().startsWith("Lò Văn")
                && e.path("officialOn").asText().equals("2011-03-01"));
        assertThat(rollThen.body().path("counts").path("official").asInt()).isEqualTo(3);
        assertThat(rollThen.header("Ledger-Known-At")).isEqualTo(before.toString());
        assertThat(rollThen.header("Ledger-As-Of")).isEqualTo("2015-01-01");
        assertThat(rollThen.body().path("provenance").path("knownAt").asText()).isEqualTo(before.toString());
        LedgerClient.Response treeThen = op.get(tree + "&knownAt=" + at(before));
        assertThat(treeThen.status()).as(treeThen.toString()).isEqualTo(200);
        JsonNode commune = treeThen.body().path("roots").get(0);
        assertThat(commune.path("children")).hasSize(2).noneMatch(c -> c.path("organizationId").asText()
                .equals(third));
        assertThat(commune.path("subtreeCounts").path("official").asInt()).isEqualTo(6);
        assertThat(treeThen.header("Ledger-Known-At")).isEqualTo(before.toString());
        assertThat(treeThen.header("Ledger-As-Of")).isEqualTo("2015-01-01");
        // the same read without knownAt is today's, and a knownAt after every fact agrees with it
        JsonNode after = op.get(roll + "&knownAt=" + at(Instant.now())).body();
        assertThat(after.path("total").asInt()).isEqualTo(4);
        JsonNode cellThen = op.get("/api/v1/organizations/" + p.cell() + "?asOf=2015-01-01&knownAt=" + at(before))
                .body();
        assertThat(cellThen.path("counts").path("official").asInt()).isEqualTo(3);
        assertThat(cellThen.path("provenance").path("knownAt").asText()).isEqualTo(before.toString());
        assertThat(op.get("/api/v1/organizations/" + third + "?knownAt=" + at(before)).status()).isEqualTo(404);
        // an instant beyond the store's calendar is bad input, not a server error
        LedgerClient.Response farFuture = op.get(roll + "&knownAt=%2B1000000000-12-31T23:59:59Z");
        assertThat(farFuture.status()).as(farFuture.toString()).isEqualTo(400);
        assertThat(farFuture.body().path("errors").get(0).path("field").asText()).isEqualTo("knownAt");
        // so are recorded-time bounds of a history beyond it, either way
        for (String bound : List.of("recordedTo=%2B1000000000-12-31T23:59:59Z",
                "recordedFrom=-1000000000-01-01T00:00:00Z")) {
            LedgerClient.Response history = op.get("/api/v1/organizations/" + p.cell() + "/history?" + bound);
            assertThat(history.status()).as(history.toString()).isEqualTo(400);
            assertThat(history.body().path("errors").get(0).path("field").asText())
                    .isEqualTo(bound.substring(0, bound.indexOf('=')));
        }
    }

    @Test
    void theRatingDistributionKnownAtAnInstantCountsTheCellsTheTreeHeldThen() throws Exception {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Place p = place(s, "Tà Xùa");
        String cells = "/api/v1/organizations/" + p.commune() + "/rating-distribution?year=2015&subject=CELL";
        String members = "/api/v1/organizations/" + p.commune() + "/rating-distribution?year=2015&subject=MEMBER";
        s.awaitGet(members, d -> notRated(d) == 6);
        Instant before = instantBetweenFacts();

        // recorded later, dated back: a cell founded in 2011 with two members, found in the provincial archive
        String third = s.establish("CELL", "VILLAGE", p.commune(), "Chi bộ bản Tà Xùa 3", "2011-01-01");
        s.enrollOfficial(third, "Giàng A Tà Xùa", "2011-02-01", "2012-02-01");
        s.enrollOfficial(third, "Sùng Thị Tà Xùa", "2011-02-01", "2012-02-01");
        assertThat(notRated(s.awaitGet(members, d -> notRated(d) == 8))).isEqualTo(8);
        assertThat(notRated(s.awaitGet(cells, d -> notRated(d) == 3))).isEqualTo(3);

        // as the ledger stood before: two cells and their six members, as an inspector reading it then saw them
        LedgerClient.Response cellsThen = op.get(cells + "&knownAt=" + at(before));
        assertThat(cellsThen.status()).as(cellsThen.toString()).isEqualTo(200);
        assertThat(notRated(cellsThen.body())).isEqualTo(2);
        assertThat(cellsThen.body().path("provenance").path("knownAt").asText()).isEqualTo(before.toString());
        assertThat(notRated(op.get(members + "&knownAt=" + at(before)).body())).isEqualTo(6);
        assertThat(notRated(op.get(cells + "&knownAt=" + at(Instant.now())).body())).isEqualTo(3);
    }

    private static int notRated(JsonNode distribution) {
        int n = 0;
        for (JsonNode r : distribution.path("notRated")) {
            n += r.path("count").asInt();
        }
        return n;
    }

    @Test
    void anOrganisationsNameAndFoundingDateAreCorrectedUnderTheRulesOfItsEstablishment() throws Exception {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Place p = place(s, "Pa Ham");
        JsonNode founding = s.awaitGet("/api/v1/organizations/" + p.other() + "/history?types=OrganizationEstablished",
                b -> b.path("total").asInt() == 1);
        String established = founding.path("items").get(0).path("eventId").asText();
        Instant before = instantBetweenFacts();

        long stored = events();
        LedgerClient.Response communeType = op.post("/api/v1/corrections", json("correctsEventId",
                op.get("/api/v1/organizations/" + p.commune() + "/history?types=OrganizationEstablished").body()
                        .path("items").get(0).path("eventId").asText(), "reason", "x", "authority", authority(),
                "occurredOn", "2025-06-24", "replacement", Map.of("cellType", "SCHOOL")));
        assertThat(communeType.status()).as(communeType.toString()).isIn(400, 422);
        assertThat(communeType.body().path("errors").get(0).path("field").asText()).isEqualTo("replacement.cellType");
        LedgerClient.Response afterMembers = op.post("/api/v1/corrections", json("correctsEventId", established,
                "reason", "x", "authority", authority(), "occurredOn", "2025-06-24",
                "replacement", Map.of("establishedOn", "2026-01-01")));
        assertThat(afterMembers.status()).as(afterMembers.toString()).isIn(400, 422);
        assertThat(events()).isEqualTo(stored);

        LedgerClient.Response ok = op.post("/api/v1/corrections", json("correctsEventId", established,
                "reason", "tên và ngày thành lập chép sai từ quyết định 12-QĐ/ĐU", "authority", authority(),
                "occurredOn", "2025-06-24",
                "replacement", Map.of("name", "Chi bộ bản Pa Ham Mới", "establishedOn", "2010-02-01")));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(202);

        // founded a month later than recorded: not yet in the commune's tree in mid-January 2010
        String january = "/api/v1/organizations/" + p.commune() + "/tree?asOf=2010-01-15";
        JsonNode now = s.awaitGet(january, b -> b.path("roots").get(0).path("children").size() == 1);
        assertThat(now.path("roots").get(0).path("children").get(0).path("organizationId").asText())
                .isEqualTo(p.cell());
        JsonNode march = op.get("/api/v1/organizations/" + p.commune() + "/tree?asOf=2010-03-01").body();
        assertThat(march.path("roots").get(0).path("children")).anyMatch(c -> c.path("name").asText()
                .equals("Chi bộ bản Pa Ham Mới"));
        JsonNode view = op.get("/api/v1/organizations/" + p.other()).body();
        assertThat(view.path("name").asText()).isEqualTo("Chi bộ bản Pa Ham Mới");
        assertThat(view.path("establishedOn").asText()).isEqualTo("2010-02-01");
        JsonNode then = op.get(january + "&knownAt=" + at(before)).body();
        assertThat(then.path("roots").get(0).path("children")).hasSize(2);
        assertThat(op.get("/api/v1/organizations/" + p.other() + "?knownAt=" + at(before)).body().path("name")
                .asText()).isEqualTo("Chi bộ bản Pa Ham 2");

        JsonNode history = op.get("/api/v1/organizations/" + p.other() + "/history?types=OrganizationEstablished,"
                + "OrganizationFactsCorrected").body();
        assertThat(history.path("total").asInt()).isEqualTo(2);
        JsonNode fix = history.path("items").get(1);
        assertThat(history.path("items").get(0).path("correctedBy").get(0).asText())
                .isEqualTo(fix.path("eventId").asText());
        assertThat(fix.path("reason").asText()).isEqualTo("tên và ngày thành lập chép sai từ quyết định 12-QĐ/ĐU");
        assertThat(fix.path("summary").asText()).startsWith("Đính chính quyết định thành lập");
    }

    @Test
    void aRatingDecisionRecordedWronglyIsCorrectedUnderTheQuotaAndTheDistributionCountsIt() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Place p = place(s, "Mường Lay");
        String round = RatingsTest.openRound(op, p.commune(), 2018, "2018-12-01");
        List<String> ratings = new ArrayList<>();
        for (String member : p.members()) {
            String rating = RatingsTest.rate(op, round, "MEMBER", member, "2018-12-05");
            RatingsTest.selfReview(op, rating, "GOOD", null, "2018-12-10");
            ratings.add(rating);
        }
        s.ok(RatingsTest.decide(op, round, "30-QĐ/ĐU", ratings.stream().map(r -> RatingsTest.row(r, "GOOD")).toList(),
                null, "2018-12-28"));
        String distribution = "/api/v1/organizations/" + p.commune() + "/rating-distribution?year=2018&subject=MEMBER";
        s.awaitGet(distribution, d -> d.path("decided").asInt() == 3);
        JsonNode decisions = s.awaitGet("/api/v1/organizations/" + p.cell() + "/history?types=RatingDecided",
                b -> b.path("total").asInt() == 3);
        String decided = find(decisions, "RatingDecided", f -> f.path("ratingId").asText().equals(ratings.get(0)))
                .path("eventId").asText();

        long stored = events();
        LedgerClient.Response overQuota = op.post("/api/v1/corrections", json("correctsEventId", decided,
                "reason", "x", "authority", authority(), "occurredOn", "2019-01-05",
                "replacement", Map.of("level", "EXCELLENT")));
        assertThat(overQuota.status()).as(overQuota.toString()).isEqualTo(422);
        assertThat(overQuota.body().path("rule").asText()).isEqualTo("R3");
        assertThat(overQuota.body().path("errors").get(0).path("field").asText()).isEqualTo("rating.level");
        assertThat(events()).isEqualTo(stored);

        LedgerClient.Response ok = op.post("/api/v1/corrections", json("correctsEventId", decided,
                "reason", "biên bản ghi nhầm mức xếp loại", "authority", authority(), "occurredOn", "2019-01-05",
                "replacement", Map.of("level", "COMPLETED")));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(202);
        JsonNode now = s.awaitGet(distribution, d -> d.path("levels").findValues("level").stream()
                .anyMatch(l -> l.asText().equals("COMPLETED")) && count(d, "COMPLETED") == 1);
        assertThat(count(now, "GOOD")).isEqualTo(2);
        JsonNode both = op.get("/api/v1/organizations/" + p.cell() + "/history?types=RatingDecided,"
                + "RatingDecisionCorrected").body();
        JsonNode fix = find(both, "RatingDecisionCorrected", f -> true);
        assertThat(fix.path("fact").path("previousLevel").asText()).isEqualTo("GOOD");
        assertThat(fix.path("correctsEventId").asText()).isEqualTo(decided);
        assertThat(find(both, "RatingDecided", f -> f.path("ratingId").asText().equals(ratings.get(0)))
                .path("correctedBy").get(0).asText()).isEqualTo(fix.path("eventId").asText());
    }

    private static int count(JsonNode distribution, String level) {
        for (JsonNode l : distribution.path("levels")) {
            if (l.path("level").asText().equals(level)) {
                return l.path("count").asInt();
            }
        }
        return 0;
    }

    private static String status(JsonNode meeting, String member) {
        for (JsonNode a : meeting.path("attendance")) {
            if (a.path("memberId").asText().equals(member)) {
                return a.path("status").asText();
            }
        }
        throw new AssertionError("no attendance of " + member + " in " + meeting);
    }

    @Test
    void summariesNameTheMemberAndTheStatusAsTheLedgerKnewThemThen() throws Exception {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Place p = place(s, "Nậm Pồ");
        String member = p.members().get(0);
        meeting(op, p.cell(), "2025-03-24", statuses(p.members(), member));
        String attendance = "/api/v1/members/" + member + "/dossier?types=AttendanceRecorded";
        JsonNode recorded = s.awaitGet(attendance, b -> b.path("total").asInt() == 1);
        assertThat(recorded.path("items").get(0).path("summary").asText())
                .isEqualTo("Điểm danh đảng viên Lò Văn Nậm Pồ 1: Vắng không lý do");
        assertThat(op.get(attendance, Map.of("Accept-Language", "en")).body().path("items").get(0).path("summary")
                .asText()).isEqualTo("Attendance of member Lò Văn Nậm Pồ 1: Absent, no reason");
        assertThat(op.get("/api/v1/organizations/" + p.cell() + "/history?types=OrganizationEstablished").body()
                .path("items").get(0).path("summary").asText()).isEqualTo("Thành lập Chi bộ \"Chi bộ bản Nậm Pồ 1\"");
        Instant before = instantBetweenFacts();

        String enrolled = op.get("/api/v1/members/" + member + "/dossier?types=ExistingMemberEnrolled").body()
                .path("items").get(0).path("eventId").asText();
        LedgerClient.Response renamed = op.post("/api/v1/corrections", json("correctsEventId", enrolled,
                "reason", "họ tên chép sai từ sổ đảng viên", "authority", authority(), "occurredOn", "2025-06-24",
                "replacement", Map.of("fullName", "Lò Văn Nậm Pồ Một")));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(202);
        JsonNode now = s.awaitGet(attendance, b -> b.path("items").get(0).path("summary").asText().contains("Một"));
        assertThat(now.path("items").get(0).path("summary").asText())
                .isEqualTo("Điểm danh đảng viên Lò Văn Nậm Pồ Một: Vắng không lý do");
        JsonNode then = op.get(attendance + "&knownAt=" + at(before)).body();
        assertThat(then.path("items").get(0).path("summary").asText()).as("the name as recorded then")
                .isEqualTo("Điểm danh đảng viên Lò Văn Nậm Pồ 1: Vắng không lý do");
    }

    @Test
    void aWrongBirthDateIsCorrectedAndTheDossierShowsBoth() throws Exception {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Place p = place(s, "Tủa Chùa");
        String member = s.registerCandidate(p.cell(), "Giàng Thị Mai", "1998-04-01", "2019-12-05");
        JsonNode dossier = s.awaitGet("/api/v1/members/" + member + "/dossier", b -> b.path("total").asInt() == 1);
        String registered = dossier.path("items").get(0).path("eventId").asText();
        Instant before = instantBetweenFacts();

        long stored = events();
        LedgerClient.Response later = op.post("/api/v1/corrections", json("correctsEventId", registered,
                "reason", "sai ngày sinh", "authority", authority(), "occurredOn", "2025-06-24",
                "replacement", Map.of("birthDate", "2020-01-01")));
        assertThat(later.status()).as(later.toString()).isIn(400, 422);
        assertThat(later.body().path("errors").get(0).path("field").asText()).isEqualTo("replacement.birthDate");
        assertThat(events()).isEqualTo(stored);

        LedgerClient.Response ok = op.post("/api/v1/corrections", json("correctsEventId", registered,
                "reason", "ngày sinh chép sai từ lý lịch", "authority", authority(), "occurredOn", "2025-06-24",
                "replacement", Map.of("birthDate", "1998-04-11")));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(202);
        s.awaitGet("/api/v1/members/" + member, b -> b.path("birthDate").asText().equals("1998-04-11"));
        JsonNode both = s.awaitGet("/api/v1/members/" + member + "/dossier", b -> b.path("total").asInt() == 2);
        assertThat(both.path("items").get(0).path("fact").path("birthDate").asText()).isEqualTo("1998-04-01");
        assertThat(both.path("items").get(1).path("type").asText()).isEqualTo("MemberDataCorrected");
        assertThat(both.path("items").get(1).path("fact").path("birthDate").asText()).isEqualTo("1998-04-11");
        assertThat(both.path("items").get(1).path("reason").asText()).isEqualTo("ngày sinh chép sai từ lý lịch");
        JsonNode then = op.get("/api/v1/members/" + member + "/dossier?knownAt=" + at(before)).body();
        assertThat(then.path("total").asInt()).isEqualTo(1);
        assertThat(then.path("provenance").path("knownAt").asText()).isEqualTo(before.toString());
    }

    @Test
    void aMeetingRecordedInTheWrongCellIsRetractedAndNoLongerCounts() throws Exception {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Place p = place(s, "Nậm Pồ");
        String wrong = meeting(op, p.other(), "2025-07-24", Map.of());
        String register = "/api/v1/organizations/" + p.other() + "/meeting-register?year=2025";
        s.awaitGet(register, b -> month(b, 7).path("cellsMet").asInt() == 1);
        JsonNode history = s.awaitGet("/api/v1/organizations/" + p.other() + "/history?types=MeetingScheduled",
                b -> b.path("total").asInt() == 1);
        String scheduled = history.path("items").get(0).path("eventId").asText();
        Instant before = instantBetweenFacts();

        LedgerClient.Response retracted = op.post("/api/v1/retractions", json("correctsEventId", scheduled,
                "reason", "ghi nhầm vào sổ của chi bộ bản 2", "authority", authority(), "occurredOn", "2025-07-25"));
        assertThat(retracted.status()).as(retracted.toString()).isEqualTo(202);
        JsonNode now = s.awaitGet(register, b -> month(b, 7).path("cellsMet").asInt() == 0);
        assertThat(month(now, 7).path("meetings")).isEmpty();
        // the retracted meeting was never held: M1 takes the month's real regular meeting
        String real = meeting(op, p.other(), "2025-07-26", Map.of());
        s.awaitGet(register, b -> month(b, 7).path("cellsMet").asInt() == 1
                && month(b, 7).path("meetings").get(0).path("meetingId").asText().equals(real));
        JsonNode then = op.get(register + "&knownAt=" + at(before)).body();
        assertThat(month(then, 7).path("cellsMet").asInt()).isEqualTo(1);
        assertThat(op.get("/api/v1/meetings/" + wrong).body().path("state").asText()).isEqualTo("RETRACTED");
        // a retracted meeting takes no more facts, and is retracted once
        LedgerClient.Response again = op.post("/api/v1/retractions", json("correctsEventId", scheduled,
                "reason", "lần nữa", "authority", authority(), "occurredOn", "2025-07-25"));
        assertThat(again.status()).isEqualTo(422);
        JsonNode both = op.get("/api/v1/organizations/" + p.other() + "/history?types=MeetingScheduled,"
                + "MeetingRetracted").body();
        assertThat(both.path("total").asInt()).isEqualTo(3);   // the wrong one, its retraction, the real one
        assertThat(both.path("items").get(0).path("correctedBy").get(0).asText())
                .isEqualTo(both.path("items").get(1).path("eventId").asText());
        // the commune's history over its subtree holds both cells' records
        JsonNode subtree = op.get("/api/v1/organizations/" + p.commune() + "/history?subtree=true"
                + "&types=MeetingRetracted").body();
        assertThat(subtree.path("total").asInt()).isEqualTo(1);
        // minutes are not corrected here: they are amended at a later meeting
        JsonNode closed = op.get("/api/v1/organizations/" + p.cell() + "/history?types=OrganizationEstablished")
                .body();
        LedgerClient.Response notHere = op.post("/api/v1/retractions", json("correctsEventId",
                closed.path("items").get(0).path("eventId").asText(), "reason", "x", "authority", authority(),
                "occurredOn", "2025-07-25"));
        assertThat(notHere.status()).isIn(400, 422);
        assertThat(notHere.body().path("errors").get(0).path("field").asText()).isEqualTo("correctsEventId");
    }

    @Test
    void anInspectorsCaseRequestsACellsRecordAsOfADateAndTheCellSeesWhoLooked() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Place p = place(s, "Mường Nhé");
        meeting(op, p.cell(), "2025-03-24", statuses(p.members(), null));
        meeting(op, p.cell(), "2025-08-24", statuses(p.members(), null));
        LedgerClient inspector = user(op, "inspector.muongnhe", "INSPECTOR", p.commune());

        LedgerClient.Response opened = inspector.post("/api/v1/oversight/cases", json("organizationId", p.commune(),
                "kind", "INSPECTION", "subjectOrganizationId", p.cell(), "theme", "Chế độ sinh hoạt chi bộ",
                "occurredOn", "2025-09-01"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String caseId = opened.id();
        s.awaitCaughtUp();
        LedgerClient.Response answer = inspector.post("/api/v1/oversight/cases/" + caseId + "/record-requests",
                json("record", "ORGANIZATION_HISTORY", "subjectId", p.cell(), "asOf", "2025-06-30",
                        "occurredOn", "2025-09-02"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().path("provenance").path("asOf").asText()).isEqualTo("2025-06-30");
        assertThat(answer.body().path("items")).isNotEmpty().allMatch(e ->
                e.path("occurredOn").asText().compareTo("2025-06-30") <= 0);
        assertThat(answer.body().path("items")).anyMatch(e -> e.path("fact").path("heldOn").asText()
                .equals("2025-03-24"));

        // the request is in the ledger, with its asOf, in the commission's record
        JsonNode requests = op.get("/api/v1/organizations/" + p.commune() + "/history?types=RecordsRequested")
                .body();
        assertThat(requests.path("total").asInt()).isEqualTo(1);
        assertThat(requests.path("items").get(0).path("fact").path("asOf").asText()).isEqualTo("2025-06-30");
        assertThat(requests.path("items").get(0).path("actor").path("username").asText())
                .isEqualTo("inspector.muongnhe");
        JsonNode file = inspector.get("/api/v1/oversight/cases/" + caseId).body();
        assertThat(file.path("recordRequests").get(0).path("subjectId").asText()).isEqualTo(p.cell());

        // a dossier read by the inspector is logged in the cell's record; the operator's own reads are not
        int readsBefore = op.get("/api/v1/organizations/" + p.cell() + "/record-reads").body().path("total").asInt();
        assertThat(inspector.get("/api/v1/members/" + p.members().get(0) + "/dossier?asOf=2025-06-30").status())
                .isEqualTo(200);
        op.get("/api/v1/members/" + p.members().get(0) + "/dossier");
        JsonNode reads = op.get("/api/v1/organizations/" + p.cell() + "/record-reads").body();
        assertThat(reads.path("total").asInt()).isEqualTo(readsBefore + 1);
        JsonNode read = reads.path("items").get(reads.path("items").size() - 1);
        assertThat(read.path("actor").path("username").asText()).isEqualTo("inspector.muongnhe");
        assertThat(read.path("fact").path("record").asText()).isEqualTo("MEMBER_DOSSIER");
        assertThat(read.path("fact").path("subjectId").asText()).isEqualTo(p.members().get(0));
        assertThat(read.path("fact").path("asOf").asText()).isEqualTo("2025-06-30");

        // findings, conclusion, a remedy tracked to verification; oversight itself never records the cell's facts
        assertThat(inspector.post("/api/v1/oversight/cases/" + caseId + "/findings", json("text",
                "Tháng 4-7 không sinh hoạt", "occurredOn", "2025-09-03")).status()).isEqualTo(202);
        assertThat(inspector.post("/api/v1/oversight/cases/" + caseId + "/remedies", json("text", "x",
                "occurredOn", "2025-09-03")).status()).isEqualTo(422);
        assertThat(inspector.post("/api/v1/oversight/cases/" + caseId + "/conclusion", json("conclusion",
                "Chi bộ chưa duy trì sinh hoạt định kỳ", "recommendations", List.of("Sinh hoạt đúng ngày 24"),
                "occurredOn", "2025-09-10")).status()).isEqualTo(202);
        assertThat(inspector.post("/api/v1/oversight/cases/" + caseId + "/remedies", json("text",
                "Tổ chức sinh hoạt bù", "dueDate", "2025-10-31", "occurredOn", "2025-09-10")).status())
                .isEqualTo(202);
        assertThat(inspector.post("/api/v1/oversight/cases/" + caseId + "/remedy-verifications", json("remedyNo", 1,
                "note", "đã sinh hoạt ngày 24/9", "occurredOn", "2025-09-25")).status()).isEqualTo(202);
        JsonNode concluded = inspector.get("/api/v1/oversight/cases/" + caseId).body();
        assertThat(concluded.path("findings")).hasSize(1);
        assertThat(concluded.path("remedies").get(0).path("verified").asBoolean()).isTrue();
        assertThat(inspector.post("/api/v1/organizations/" + p.cell() + "/meetings", Map.of("held", true,
                "kind", "REGULAR", "heldOn", "2025-09-24", "durationMinutes", 100)).status()).isEqualTo(403);
    }

    @Test
    void aTasksDueDateAndAPledgeAreCorrectedByTheirOwnRules() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Place p = place(s, "Sín Thầu");
        String member = p.members().get(0);
        Map<String, Object> body = new HashMap<>();
        body.put("assigneeId", member);
        body.put("assignedBy", "CELL");
        body.put("kind", "OTHER");
        body.put("description", "Vận động hộ gia đình giữ vệ sinh");
        body.put("dueDate", "2025-06-30");
        body.put("expectedResult", "Bản sạch đẹp");
        body.put("occurredOn", "2025-03-24");
        LedgerClient.Response task = op.post("/api/v1/organizations/" + p.cell() + "/tasks", body);
        assertThat(task.status()).as(task.toString()).isEqualTo(201);
        JsonNode assigned = s.awaitGet("/api/v1/organizations/" + p.cell() + "/history?types=TaskAssigned",
                b -> b.path("total").asInt() == 1).path("items").get(0);

        LedgerClient.Response blank = op.post("/api/v1/corrections", json("correctsEventId",
                assigned.path("eventId").asText(), "reason", "x", "authority", authority(), "occurredOn", "2025-04-24",
                "replacement", Map.of("expectedResult", " ")));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body().path("rule").asText()).isEqualTo("T1");
        LedgerClient.Response due = op.post("/api/v1/corrections", json("correctsEventId",
                assigned.path("eventId").asText(), "reason", "nghị quyết ghi hạn 30/9", "authority", authority(),
                "occurredOn", "2025-04-24", "replacement", Map.of("dueDate", "2025-09-30")));
        assertThat(due.status()).as(due.toString()).isEqualTo(202);
        s.awaitGet("/api/v1/organizations/" + p.cell() + "/task-board?asOf=2025-07-01",
                b -> b.path("tasks").size() == 1 && b.path("overdueTasks").asInt() == 0);

        Map<String, Object> sections = Map.of("politicalIdeology", "Học tập nghị quyết",
                "ethicsAndLifestyle", "Giữ gìn lối sống", "assignedDuties", "Phụ trách nhóm hộ",
                "organizationalDiscipline", "Sinh hoạt đầy đủ", "remedyingShortcomings", "Mạnh dạn phát biểu",
                "congressResolutionPlan", "Giúp 2 hộ thoát nghèo");
        assertThat(op.post("/api/v1/members/" + member + "/commitments", json("year", 2025, "sections", sections,
                "occurredOn", "2025-01-15")).status()).isEqualTo(201);
        JsonNode pledge = s.awaitGet("/api/v1/members/" + member + "/dossier?types=CommitmentSubmitted",
                b -> b.path("total").asInt() == 1).path("items").get(0);
        Map<String, Object> fixed = new HashMap<>(sections);
        fixed.put("congressResolutionPlan", "Giúp 3 hộ thoát nghèo");
        LedgerClient.Response corrected = op.post("/api/v1/corrections", json("correctsEventId",
                pledge.path("eventId").asText(), "reason", "chép sai số hộ", "authority", authority(),
                "occurredOn", "2025-02-01", "replacement", Map.of("sections", fixed)));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(202);
        JsonNode both = s.awaitGet("/api/v1/members/" + member + "/dossier?types=CommitmentSubmitted,"
                + "CommitmentCorrected", b -> b.path("total").asInt() == 2);
        assertThat(both.path("items").get(1).path("fact").path("sections").path("congressResolutionPlan").asText())
                .isEqualTo("Giúp 3 hộ thoát nghèo");
    }

    /**
     * An instant strictly after every fact recorded so far and strictly before any recorded next, for a knownAt cut:
     * the clock is polled until it has moved on, on both sides, instead of sleeping a fixed time.
     */
    static Instant instantBetweenFacts() {
        Instant last = Instant.now();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .pollInterval(java.time.Duration.ofMillis(1)).until(() -> Instant.now().isAfter(last));
        Instant cut = Instant.now();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .pollInterval(java.time.Duration.ofMillis(1)).until(() -> Instant.now().isAfter(cut));
        return cut;
    }
}
