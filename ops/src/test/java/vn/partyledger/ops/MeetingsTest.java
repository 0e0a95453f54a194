package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cell meetings through the HTTP API: the acceptance examples AE3 (Hưng Kiều 2 attendance), AE6 (P12 flag), AE7 (Sao
 * Đỏ 2 calendar) and AE8 (liaison visits), the step-by-step flow, and bad input that stores nothing.
 */
class MeetingsTest extends LedgerTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private record Tree(String province, String commune) {
    }

    private Tree tree(Scenario s, String name) {
        String province = s.establish("PROVINCE", null, null, "Đảng bộ tỉnh " + name, "2010-01-01");
        return new Tree(province, s.establish("COMMUNE", null, province, "Đảng bộ xã " + name, "2010-01-01"));
    }

    private static List<String> members(Scenario s, String cell, String prefix, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(s.enrollOfficial(cell, prefix + " " + i, "2010-03-01", "2011-03-01"));
        }
        return ids;
    }

    private static Map<String, Object> held(String kind, String heldOn, Map<String, String> statuses,
                                            List<Map<String, Object>> guests, int minutes) {
        List<Map<String, Object>> attendance = new ArrayList<>();
        statuses.forEach((member, status) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("memberId", member);
            row.put("status", status);
            if (status.startsWith("ABSENT_") && !status.equals("ABSENT_NO_REASON")) {
                row.put("reason", "đi làm ăn xa");
            }
            attendance.add(row);
        });
        Map<String, Object> body = new HashMap<>();
        body.put("held", true);
        body.put("kind", kind);
        body.put("heldOn", heldOn);
        body.put("agenda", List.of("Đánh giá kết quả tháng", "Nhiệm vụ tháng tới"));
        body.put("attendance", attendance);
        body.put("guests", guests);
        body.put("durationMinutes", minutes);
        return body;
    }

    private static Map<String, String> all(List<String> members, String status) {
        Map<String, String> m = new LinkedHashMap<>();
        members.forEach(id -> m.put(id, status));
        return m;
    }

    private static String record(LedgerClient op, String cell, Map<String, Object> body) {
        LedgerClient.Response r = op.post("/api/v1/organizations/" + cell + "/meetings", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    private static JsonNode month(JsonNode register, int month) {
        return register.path("months").path(month - 1);
    }

    private static JsonNode outcome(JsonNode outcomes, String rule) {
        for (JsonNode o : outcomes) {
            if (o.path("rule").asText().equals(rule)) {
                return o;
            }
        }
        throw new AssertionError("no outcome " + rule + " in " + outcomes);
    }

    /** AE3: 49 members required; 47 attended = 95.92% meets the 95% target, 46 = 93.88% misses it. */
    @Test
    void hungKieu2AttendanceMeetsTheTargetWith47Of49AndMissesItWith46() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Tree t = tree(s, "An Tường");
        String cell = s.establish("CELL", "VILLAGE", t.commune(), "Chi bộ thôn Hưng Kiều 2", "2010-01-01");
        List<String> members = members(s, cell, "Nguyễn Văn", 49);

        Map<String, String> march = all(members, "PRESENT");
        march.put(members.get(47), "ABSENT_EXCUSED");
        march.put(members.get(48), "LATE");
        march.put(members.get(46), "ABSENT_EXCUSED");
        String marchId = record(op, cell, held("REGULAR", "2025-03-15", march, List.of(), 120));

        Map<String, String> april = all(members, "PRESENT");
        april.put(members.get(46), "ABSENT_EXCUSED");
        april.put(members.get(47), "ABSENT_EXCUSED");
        april.put(members.get(48), "ABSENT_NO_REASON");
        record(op, cell, held("REGULAR", "2025-04-15", april, List.of(), 95));

        JsonNode register = s.awaitGet("/api/v1/organizations/" + cell + "/meeting-register?year=2025",
                r -> month(r, 4).path("requiredToAttend").asInt() == 49);
        JsonNode m3 = month(register, 3);
        assertThat(m3.path("attended").asInt()).isEqualTo(47);
        assertThat(m3.path("attendancePercent").asText()).isEqualTo("95.92");
        assertThat(outcome(m3.path("outcomes"), "AT1").path("severity").asText()).isEqualTo("OK");
        assertThat(outcome(m3.path("outcomes"), "AT2").path("severity").asText()).isEqualTo("OK");
        JsonNode m4 = month(register, 4);
        assertThat(m4.path("attended").asInt()).isEqualTo(46);
        assertThat(m4.path("attendancePercent").asText()).isEqualTo("93.88");
        assertThat(outcome(m4.path("outcomes"), "AT1").path("severity").asText()).isEqualTo("WARNING");
        assertThat(outcome(m4.path("outcomes"), "AT2").path("severity").asText()).isEqualTo("WARNING");
        assertThat(m4.path("absentWithoutReason").asInt()).isEqualTo(1);

        JsonNode meeting = s.awaitGet("/api/v1/meetings/" + marchId, m -> m.path("state").asText().equals("CLOSED"));
        assertThat(meeting.path("roll").path("official").asInt()).isEqualTo(49);
        assertThat(meeting.path("roll").path("requiredToAttend").asInt()).isEqualTo(49);
        assertThat(meeting.path("attendance")).hasSize(49);
    }

    /** AE7: Sao Đỏ 2 meets on day 24 after the chi ủy's day-22 preparation. */
    @Test
    void saoDo2CalendarShowsMeetingsOffTheFixedDayAndMissedMonths() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Tree t = tree(s, "Vân Hồ");
        String cell = s.establish("CELL", "URBAN_QUARTER", t.commune(), "Chi bộ tiểu khu Sao Đỏ 2", "2010-01-01");
        List<String> members = members(s, cell, "Lò Thị", 4);
        s.ok(op.post("/api/v1/organizations/" + cell + "/meeting-day",
                json("dayOfMonth", 24, "committeePrepDay", 22, "occurredOn", "2019-06-01")));

        Map<String, String> present = all(members, "PRESENT");
        record(op, cell, held("REGULAR", "2025-01-24", present, List.of(), 120));
        record(op, cell, held("REGULAR", "2025-02-20", present, List.of(), 120));
        // March: none. Q2 has its thematic meeting.
        record(op, cell, held("THEMATIC", "2025-05-10", present, List.of(), 90));
        record(op, cell, held("COMMITTEE_PREP", "2025-11-22", Map.of(members.get(0), "PRESENT"), List.of(), 60));
        record(op, cell, held("REGULAR", "2025-11-24", present, List.of(), 120));
        record(op, cell, held("REGULAR", "2025-12-24", present, List.of(), 80));

        // M1: a second regular meeting in January is refused unless it is entered as a correction.
        long before = events();
        LedgerClient.Response second = op.post("/api/v1/organizations/" + cell + "/meetings",
                held("REGULAR", "2025-01-28", present, List.of(), 120));
        assertThat(second.status()).as(second.toString()).isEqualTo(422);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.body().path("rule").asText()).isEqualTo("M1");
        assertThat(second.body().path("basis").asText()).contains("HD 12-HD/BTCTW");
        assertThat(events()).isEqualTo(before);
        Map<String, Object> correction = held("REGULAR", "2025-01-24", present, List.of(), 120);
        correction.put("correction", true);
        record(op, cell, correction);

        JsonNode r = s.awaitGet("/api/v1/organizations/" + cell + "/meeting-register?year=2025",
                reg -> month(reg, 12).path("cellsMet").asInt() == 1 && month(reg, 1).path("meetings").size() == 2);
        assertThat(month(r, 1).path("onFixedDay").asBoolean()).isTrue();
        assertThat(outcome(month(r, 1).path("outcomes"), "M1").path("severity").asText()).isEqualTo("OK");
        assertThat(month(r, 2).path("onFixedDay").asBoolean()).isFalse();
        assertThat(month(r, 2).path("fixedDay").asInt()).isEqualTo(24);
        JsonNode feb = outcome(month(r, 2).path("outcomes"), "M1");
        assertThat(feb.path("severity").asText()).isEqualTo("WARNING");
        assertThat(feb.path("message").asText()).contains("not on fixed day");
        JsonNode mar = outcome(month(r, 3).path("outcomes"), "M1");
        assertThat(mar.path("severity").asText()).isEqualTo("VIOLATION");
        assertThat(mar.path("message").asText()).contains("missed");
        assertThat(month(r, 3).path("cellsMet").asInt()).isZero();
        // HD 42/2025 (from 28/10/2025): the chi ủy prepares the meeting; December had no preparation meeting.
        assertThat(outcome(month(r, 11).path("outcomes"), "M5").path("severity").asText()).isEqualTo("OK");
        assertThat(outcome(month(r, 12).path("outcomes"), "M5").path("severity").asText()).isEqualTo("WARNING");
        assertThat(month(r, 1).path("outcomes").findValuesAsText("rule")).doesNotContain("M5");
        // M3 from the meeting itself: 80 minutes is short of 90.
        JsonNode december = month(r, 12).path("meetings").path(0);
        assertThat(outcome(december.path("outcomes"), "M3").path("severity").asText()).isEqualTo("WARNING");
        // M2: Q1 had no thematic meeting, Q2 had one.
        assertThat(outcome(r.path("quarters").path(0).path("outcomes"), "M2").path("severity").asText())
                .isEqualTo("VIOLATION");
        assertThat(outcome(r.path("quarters").path(1).path("outcomes"), "M2").path("severity").asText())
                .isEqualTo("OK");
    }

    /** AE6: absences without legitimate reason in Jan, Apr and Sep flag the member after September; two do not. */
    @Test
    void threeMonthsWithoutLegitimateReasonInOneYearFlagTheMember() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Tree t = tree(s, "Bắc Mê");
        String cell = s.establish("CELL", "VILLAGE", t.commune(), "Chi bộ thôn Nà Sáng", "2010-01-01");
        List<String> m = members(s, cell, "Hoàng Văn", 4);
        String flagged = m.get(0);
        String twice = m.get(1);
        String excused = m.get(2);
        String acrossYears = m.get(3);
        for (String date : List.of("2024-11-10", "2024-12-10")) {
            Map<String, String> st = all(m, "PRESENT");
            st.put(acrossYears, "ABSENT_NO_REASON");
            record(op, cell, held("REGULAR", date, st, List.of(), 90));
        }
        for (String date : List.of("2025-01-10", "2025-04-10", "2025-09-10")) {
            Map<String, String> st = all(m, "PRESENT");
            st.put(flagged, date.startsWith("2025-04") ? "ABSENT_REASON_REJECTED" : "ABSENT_NO_REASON");
            st.put(excused, "ABSENT_EXCUSED");
            if (!date.startsWith("2025-09")) {
                st.put(twice, "ABSENT_NO_REASON");
            }
            if (date.startsWith("2025-01")) {
                st.put(acrossYears, "ABSENT_NO_REASON");
            }
            record(op, cell, held("REGULAR", date, st, List.of(), 90));
        }
        // A chi ủy preparation meeting concerns the cell committee: an absence from it is no month towards P12.
        record(op, cell, held("COMMITTEE_PREP", "2025-06-08", Map.of(flagged, "PRESENT", twice, "ABSENT_NO_REASON"),
                List.of(), 60));
        JsonNode risk = s.awaitGet("/api/v1/organizations/" + cell + "/attendance-risk?year=2025",
                r -> r.path("items").size() == 3 && r.findValuesAsText("monthsWithoutLegitimateReason").size() >= 0
                        && risk(r, flagged).path("monthsWithoutLegitimateReason").size() == 3);
        JsonNode f = risk(risk, flagged);
        assertThat(f.path("rollRemovalFlag").asBoolean()).isTrue();
        assertThat(f.path("flaggedOn").asText()).isEqualTo("2025-09-10");
        assertThat(f.path("outcome").path("rule").asText()).isEqualTo("P12");
        assertThat(risk(risk, twice).path("rollRemovalFlag").asBoolean()).isFalse();
        assertThat(risk(risk, twice).path("monthsWithoutLegitimateReason")).extracting(JsonNode::asInt)
                .containsExactly(1, 4);
        assertThat(risk(risk, acrossYears).path("rollRemovalFlag").asBoolean()).isFalse();
        assertThat(risk.path("items").findValuesAsText("memberId")).doesNotContain(excused);
        JsonNode lastYear = s.awaitGet("/api/v1/organizations/" + cell + "/attendance-risk?year=2024",
                r -> r.path("items").size() == 1);
        assertThat(risk(lastYear, acrossYears).path("rollRemovalFlag").asBoolean()).isFalse();
        // The commune's roll-up lists the same members.
        JsonNode commune = s.awaitGet("/api/v1/organizations/" + t.commune() + "/attendance-risk?year=2025",
                r -> r.path("items").size() == 3);
        assertThat(risk(commune, flagged).path("rollRemovalFlag").asBoolean()).isTrue();
        // A province lists about a hundred thousand members: the list pages, and can hold only the flagged ones.
        JsonNode onlyFlagged = op.get("/api/v1/organizations/" + t.commune()
                + "/attendance-risk?year=2025&flagged=true").body();
        assertThat(onlyFlagged.path("items").findValuesAsText("memberId")).containsExactly(flagged);
        assertThat(onlyFlagged.path("total").asInt()).isEqualTo(1);
        assertThat(onlyFlagged.path("flagged").asInt()).isEqualTo(1);
        JsonNode secondPage = op.get("/api/v1/organizations/" + t.commune() + "/attendance-risk?year=2025&page=1&size=2")
                .body();
        assertThat(secondPage.path("items").size()).isEqualTo(1);
        assertThat(secondPage.path("total").asInt()).isEqualTo(3);
        assertThat(secondPage.path("page").asInt()).isEqualTo(1);
        assertThat(op.get("/api/v1/organizations/" + t.commune() + "/attendance-risk?year=2025&size=501").status())
                .isEqualTo(400);
    }

    private static JsonNode risk(JsonNode risk, String memberId) {
        for (JsonNode n : risk.path("items")) {
            if (n.path("memberId").asText().equals(memberId)) {
                return n;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** AE8: a liaison with a quota of one visit per quarter and no visit in Q2 and Q4 is overdue. */
    @Test
    void liaisonWithoutAVisitInAQuarterIsOverdueAndTheCommuneCountsVisitedCells() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Tree t = tree(s, "Tuyên Quang");
        String visitedCell = s.establish("CELL", "VILLAGE", t.commune(), "Chi bộ thôn An Lạc", "2010-01-01");
        String quietCell = s.establish("CELL", "VILLAGE", t.commune(), "Chi bộ thôn An Phú", "2010-01-01");
        String committeeCell = s.establish("CELL", "AGENCY", t.commune(), "Chi bộ cơ quan xã", "2010-01-01");
        List<String> a = members(s, visitedCell, "Ma Văn", 3);
        List<String> b = members(s, quietCell, "Hà Thị", 3);
        String liaison = members(s, committeeCell, "Đặng Văn", 1).get(0);
        s.ok(op.post("/api/v1/organizations/" + visitedCell + "/liaisons", json("liaisonMemberId", liaison,
                "superiorOrganizationId", t.commune(), "visits", 1, "per", "QUARTER", "occurredOn", "2024-12-01")));

        List<Map<String, Object>> visit = List.of(Map.of("personId", liaison, "fullName", "Đặng Văn 1",
                "orgLevel", "COMMUNE", "role", "Đảng ủy viên phụ trách", "organizationId", t.commune()));
        record(op, visitedCell, held("REGULAR", "2025-02-05", all(a, "PRESENT"), visit, 90));
        record(op, visitedCell, held("REGULAR", "2025-05-05", all(a, "PRESENT"), List.of(), 90));
        record(op, visitedCell, held("REGULAR", "2025-08-05", all(a, "PRESENT"), visit, 90));
        record(op, quietCell, held("REGULAR", "2025-02-06", all(b, "PRESENT"), List.of(), 90));

        JsonNode v = s.awaitGet("/api/v1/organizations/" + visitedCell + "/liaison-visits?year=2025",
                r -> r.path("liaisons").path(0).path("visitsInYear").asInt() == 2);
        JsonNode l = v.path("liaisons").path(0);
        assertThat(l.path("liaisonMemberId").asText()).isEqualTo(liaison);
        assertThat(l.path("visitsPerQuarter").toString()).isEqualTo("[1,0,1,0]");
        assertThat(l.path("overdueQuarters").toString()).isEqualTo("[2,4]");
        assertThat(l.path("overdue").asBoolean()).isTrue();
        assertThat(l.path("outcome").path("severity").asText()).isEqualTo("WARNING");

        JsonNode commune = s.awaitGet("/api/v1/organizations/" + t.commune() + "/liaison-visits?year=2025",
                r -> r.path("cellsVisited").asInt() == 1);
        assertThat(commune.path("cells").asInt()).isEqualTo(3);
        assertThat(commune.path("visitedPercent").asText()).isEqualTo("33.33");
        assertThat(commune.path("overdueLiaisons").asInt()).isEqualTo(1);

        JsonNode register = s.awaitGet("/api/v1/organizations/" + t.commune() + "/meeting-register?year=2025",
                r -> month(r, 2).path("cellsMet").asInt() == 2);
        assertThat(register.path("cells").asInt()).isEqualTo(3);
        assertThat(month(register, 2).path("superiorVisits").asInt()).isEqualTo(1);
        assertThat(outcome(month(register, 2).path("outcomes"), "M1").path("severity").asText())
                .isEqualTo("VIOLATION");
        assertThat(register.path("cellsMeetingEveryMonth").asInt()).isZero();
    }

    @Test
    void stepByStepMeetingIsScheduledOpenedRecordedClosedAndAmendedAtALaterMeeting() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Tree t = tree(s, "Đồng Văn");
        String cell = s.establish("CELL", "VILLAGE", t.commune(), "Chi bộ thôn Lũng Cú", "2010-01-01");
        List<String> m = members(s, cell, "Giàng Seo", 3);
        LedgerClient.Response scheduled = op.post("/api/v1/organizations/" + cell + "/meetings", json("kind", "REGULAR",
                "heldOn", "2025-06-24", "agenda", List.of("Kết nạp đảng viên"), "occurredOn", "2025-06-10"));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String id = scheduled.id();
        String base = "/api/v1/meetings/" + id;
        s.ok(op.post(base + "/materials", json("channel", "Sổ tay đảng viên điện tử", "occurredOn", "2025-06-20")));
        s.ok(op.post(base + "/opening", json("chairMemberId", m.get(0), "occurredOn", "2025-06-24")));
        s.ok(op.post(base + "/attendance", json("memberId", m.get(0), "status", "PRESENT")));
        s.ok(op.post(base + "/attendance", json("memberId", m.get(1), "status", "PRESENT")));
        s.ok(op.post(base + "/attendance", json("memberId", m.get(2), "status", "ABSENT_EXCUSED", "reason", "ốm")));
        s.ok(op.post(base + "/agenda-items", json("topic", "DEVELOPMENT", "summary", "Xét kết nạp quần chúng")));
        // Two of three official members approve: 2/3 reached (P4), and more than half of the 2 eligible (M6).
        s.ok(op.post(base + "/resolutions", json("subject", "ADMISSION", "text", "Đề nghị kết nạp",
                "votesFor", 2, "votesAgainst", 0, "abstentions", 0)));
        s.ok(op.post(base + "/resolutions", json("subject", "GENERAL", "text", "Sửa đường liên thôn",
                "votesFor", 1, "votesAgainst", 1, "abstentions", 0)));
        s.ok(op.post(base + "/fee-report", json("collected", 150000, "spent", 50000, "balance", 100000)));
        s.ok(op.post(base + "/closing", json("durationMinutes", 100)));

        long before = events();
        LedgerClient.Response reopened = op.post(base + "/opening", json("occurredOn", "2025-06-24"));
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(422);
        assertThat(reopened.contentType()).startsWith("application/problem+json");
        LedgerClient.Response late = op.post(base + "/attendance", json("memberId", m.get(2), "status", "PRESENT"));
        assertThat(late.status()).as(late.toString()).isEqualTo(422);
        assertThat(events()).isEqualTo(before);

        String july = record(op, cell, held("REGULAR", "2025-07-24", all(m, "PRESENT"), List.of(), 90));
        LedgerClient.Response earlier = op.post(base + "/minutes-amendments",
                json("text", "Sửa tên người phát biểu", "approvedAtMeetingId", id));
        assertThat(earlier.status()).as(earlier.toString()).isEqualTo(400);
        s.ok(op.post(base + "/minutes-amendments", json("text", "Sửa tên người phát biểu", "approvedAtMeetingId", july)));

        // Read models are eventually consistent: wait for everything this test asserts, not only its last event.
        JsonNode meeting = s.awaitGet(base, v -> v.path("amendments").size() == 1
                && "CLOSED".equals(v.path("state").asText()));
        assertThat(meeting.path("state").asText()).isEqualTo("CLOSED");
        assertThat(meeting.path("materialsPublishedOn").asText()).isEqualTo("2025-06-20");
        assertThat(meeting.path("attended").asInt()).isEqualTo(2);
        assertThat(meeting.path("requiredToAttend").asInt()).isEqualTo(3);
        assertThat(meeting.path("resolutions").path(0).path("adopted").asBoolean()).isTrue();
        assertThat(meeting.path("resolutions").path(0).path("eligible").asInt()).isEqualTo(2);
        assertThat(meeting.path("resolutions").path(0).path("outcome").path("rule").asText()).isEqualTo("P4");
        assertThat(meeting.path("resolutions").path(1).path("adopted").asBoolean()).isFalse();
        assertThat(meeting.path("resolutions").path(1).path("outcome").path("rule").asText()).isEqualTo("M6");
        assertThat(meeting.path("feeReport").path("balance").asLong()).isEqualTo(100000);
        assertThat(meeting.path("amendments").path(0).path("approvedOn").asText()).isEqualTo("2025-07-24");
        assertThat(meeting.path("agendaItems").path(0).path("topic").asText()).isEqualTo("DEVELOPMENT");
    }

    @Test
    void badMinutesAreRefusedWithTheFieldNamedAndNothingIsStored() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Tree t = tree(s, "Mèo Vạc");
        String cell = s.establish("CELL", "VILLAGE", t.commune(), "Chi bộ thôn Pả Vi", "2010-01-01");
        String other = s.establish("CELL", "VILLAGE", t.commune(), "Chi bộ thôn Sủng Trà", "2010-01-01");
        List<String> m = members(s, cell, "Vừ Mí", 3);
        String stranger = members(s, other, "Sùng Mí", 1).get(0);
        long before = events();

        Map<String, String> withStranger = all(m, "PRESENT");
        withStranger.put(stranger, "PRESENT");
        assertRefused(op, cell, held("REGULAR", "2025-03-10", withStranger, List.of(), 90), 400, "attendance[3].memberId");

        Map<String, Object> twice = held("REGULAR", "2025-03-10", all(m, "PRESENT"), List.of(), 90);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) twice.get("attendance");
        rows.add(Map.of("memberId", m.get(0), "status", "LATE"));
        assertRefused(op, cell, twice, 400, "attendance[3].memberId");

        Map<String, Object> overVoted = held("REGULAR", "2025-03-10", all(m, "PRESENT"), List.of(), 90);
        overVoted.put("resolutions", List.of(Map.of("subject", "GENERAL", "text", "Nghị quyết tháng",
                "votesFor", 3, "votesAgainst", 1, "abstentions", 0)));
        assertRefused(op, cell, overVoted, 400, "resolutions[0].votesFor");

        assertRefused(op, cell, held("REGULAR", "2099-03-10", all(m, "PRESENT"), List.of(), 90), 400, "heldOn");

        Map<String, Object> noReason = held("REGULAR", "2025-03-10", all(m, "PRESENT"), List.of(), 90);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> excused = (List<Map<String, Object>>) noReason.get("attendance");
        excused.set(0, Map.of("memberId", m.get(0), "status", "ABSENT_EXCUSED"));
        assertRefused(op, cell, noReason, 400, "attendance[0].reason");

        // No majority rule (M6) was in force in 2015 as far as this ledger holds: refused naming it, nothing judged.
        Map<String, Object> old = held("REGULAR", "2015-03-10", all(m, "PRESENT"), List.of(), 90);
        old.put("resolutions", List.of(Map.of("subject", "GENERAL", "text", "Nghị quyết tháng",
                "votesFor", 3, "votesAgainst", 0, "abstentions", 0)));
        LedgerClient.Response refused = op.post("/api/v1/organizations/" + cell + "/meetings", old);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.body().path("rule").asText()).isEqualTo("M6");
        assertThat(refused.body().path("detail").asText()).contains("no regulation was in force on 2015-03-10");
        assertThat(refused.body().has("basis")).isFalse();

        assertThat(events()).isEqualTo(before);
    }

    private static void assertRefused(LedgerClient op, String cell, Map<String, Object> body, int status,
                                      String field) {
        LedgerClient.Response r = op.post("/api/v1/organizations/" + cell + "/meetings", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().path("errors").findValuesAsText("field")).as(r.toString()).contains(field);
    }
}
