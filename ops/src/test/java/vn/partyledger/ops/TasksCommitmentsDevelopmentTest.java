package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 5 through the HTTP API: tasks with the four clears and household coverage in a cell of 17 (Na Tông 1, AE4),
 * yearly commitments, and development against the admission quota rolled up from cells to the commune (AE9 in small:
 * the 187/106 figures of Vân Hồ are fed to the read model directly in DevelopmentProjectionTest).
 */
class TasksCommitmentsDevelopmentTest extends LedgerTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private static Map<String, Object> task(String assigneeId, String kind, List<String> households, String dueDate,
                                            String expectedResult, String occurredOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("assigneeId", assigneeId);
        body.put("assignedBy", "CELL");
        body.put("meetingId", "meeting-2020-03");
        body.put("kind", kind);
        body.put("description", "Phụ trách nhóm hộ");
        body.put("householdIds", households);
        body.put("dueDate", dueDate);
        if (expectedResult != null) {
            body.put("expectedResult", expectedResult);
        }
        body.put("occurredOn", occurredOn);
        return body;
    }

    @Test
    void taskMissingAClearOrOtherwiseWrongIsRefusedNamingTheFieldAndNothingIsStored() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        String province = s.establish("PROVINCE", null, null, "Đảng bộ tỉnh Điện Biên", "2004-01-01");
        String commune = s.establish("COMMUNE", null, province, "Đảng bộ xã Na Tông", "2004-01-01");
        String cell = s.establish("CELL", "VILLAGE", commune, "Chi bộ bản Na Tông 2", "2004-01-01");
        String other = s.establish("CELL", "VILLAGE", commune, "Chi bộ bản Na Tông 3", "2004-01-01");
        String member = s.enrollOfficial(cell, "Lò Văn Hùng", "2000-03-01", "2001-03-01");
        String elsewhere = s.enrollOfficial(other, "Quàng Văn Ơn", "2000-03-01", "2001-03-01");
        String candidate = s.registerCandidate(cell, "Lường Thị Ánh", "1999-01-01", "2020-01-10");
        long before = storedEvents();

        LedgerClient.Response noResult = op.post("/api/v1/organizations/" + cell + "/tasks",
                task(member, "MASS_ORG", null, "2020-06-30", null, "2020-03-23"));
        assertThat(noResult.status()).as(noResult.toString()).isEqualTo(422);
        assertThat(noResult.contentType()).startsWith("application/problem+json");
        assertThat(noResult.body().path("rule").asText()).isEqualTo("T1");
        assertThat(noResult.body().path("basis").asText()).isNotBlank();
        assertThat(noResult.body().path("errors").findValuesAsText("field")).containsExactly("expectedResult");

        LedgerClient.Response early = op.post("/api/v1/organizations/" + cell + "/tasks",
                task(member, "MASS_ORG", null, "2020-03-01", "branch meets monthly", "2020-03-23"));
        assertThat(early.status()).as(early.toString()).isEqualTo(400);
        assertThat(early.body().path("errors").findValuesAsText("field")).containsExactly("dueDate");

        for (String notActive : List.of(elsewhere, candidate)) {
            LedgerClient.Response wrong = op.post("/api/v1/organizations/" + cell + "/tasks",
                    task(notActive, "MASS_ORG", null, "2020-06-30", "branch meets monthly", "2020-03-23"));
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
            assertThat(wrong.body().path("errors").findValuesAsText("field")).containsExactly("assigneeId");
        }

        LedgerClient.Response badKind = op.post("/api/v1/organizations/" + cell + "/tasks",
                task(member, "GARDENING", null, "2020-06-30", "x", "2020-03-23"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body().path("errors").findValuesAsText("field")).containsExactly("kind");
        assertThat(storedEvents()).isEqualTo(before);

        LedgerClient.Response assigned = op.post("/api/v1/organizations/" + cell + "/tasks",
                task(member, "MASS_ORG", null, "2020-06-30", "branch meets monthly", "2020-03-23"));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        assertThat(assigned.header("Location")).endsWith("/api/v1/tasks/" + assigned.id());
        s.ok(op.post("/api/v1/tasks/" + assigned.id() + "/cancellation",
                json("reason", "union branch merged", "occurredOn", "2020-04-01")));
        long afterCancel = storedEvents();
        LedgerClient.Response onCancelled = op.post("/api/v1/tasks/" + assigned.id() + "/result",
                json("outcome", "ACHIEVED", "evidence", "minutes", "occurredOn", "2020-06-30"));
        assertThat(onCancelled.status()).as(onCancelled.toString()).isEqualTo(422);
        assertThat(onCancelled.body().path("detail").asText()).contains("cancelled");
        assertThat(op.post("/api/v1/tasks/no-such-task/result",
                json("outcome", "ACHIEVED", "evidence", "minutes", "occurredOn", "2020-06-30")).status()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(afterCancel);
    }

    @Test
    void cellOfSeventeenWithHouseholdGroupsShowsItsCoverageAndTheMembersOutcomes() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        String province = s.establish("PROVINCE", null, null, "Đảng bộ tỉnh Điện Biên", "2004-01-01");
        String commune = s.establish("COMMUNE", null, province, "Đảng bộ xã Na Tông", "2004-01-01");
        String cell = s.establish("CELL", "VILLAGE", commune, "Chi bộ bản Na Tông 1", "2004-01-01");
        List<String> members = new ArrayList<>();
        for (int i = 1; i <= 17; i++) {
            members.add(s.enrollOfficial(cell, "Lò Văn " + i, "2000-03-01", "2001-03-01"));
        }
        List<Map<String, String>> households = IntStream.rangeClosed(1, 40)
                .mapToObj(i -> Map.of("householdId", "NT1-" + i, "label", "Hộ ông/bà số " + i)).toList();
        s.ok(op.post("/api/v1/organizations/" + cell + "/households",
                json("households", households, "occurredOn", "2020-03-01")));

        // Members without posts (here members 4..8) each oversee a group of 6 households: 30 of the 40 covered.
        List<String> taskIds = new ArrayList<>();
        for (int g = 0; g < 5; g++) {
            List<String> group = IntStream.rangeClosed(g * 6 + 1, g * 6 + 6).mapToObj(i -> "NT1-" + i).toList();
            LedgerClient.Response r = op.post("/api/v1/organizations/" + cell + "/tasks",
                    task(members.get(3 + g), "HOUSEHOLD_GROUP", group, "2020-12-31",
                            "no household of the group breaches the village covenant", "2020-03-23"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            taskIds.add(r.id());
        }
        LedgerClient.Response unknownHousehold = op.post("/api/v1/organizations/" + cell + "/tasks",
                task(members.get(9), "HOUSEHOLD_GROUP", List.of("NT1-99"), "2020-12-31", "x", "2020-03-23"));
        assertThat(unknownHousehold.status()).isEqualTo(422);
        assertThat(unknownHousehold.body().path("errors").findValuesAsText("field")).containsExactly("householdIds[0]");

        // The last group changes hands, the first reports and is evaluated, a duty of the secretary falls overdue.
        s.ok(op.post("/api/v1/tasks/" + taskIds.get(4) + "/reassignment",
                json("assigneeId", members.get(10), "reason", "moved to the lower hamlet", "occurredOn", "2020-05-02")));
        s.ok(op.post("/api/v1/tasks/" + taskIds.get(0) + "/progress",
                json("note", "visited every household", "occurredOn", "2020-06-20")));
        String secretaryDuty = op.post("/api/v1/organizations/" + cell + "/tasks", Map.of(
                "assigneeId", members.get(0), "assignedBy", "CELL_COMMITTEE", "kind", "POSITION_DUTY",
                "description", "prepare the mid-year review", "dueDate", "2020-06-30",
                "expectedResult", "review adopted at the July meeting", "occurredOn", "2020-03-23")).id();
        s.ok(op.post("/api/v1/tasks/" + taskIds.get(1) + "/result",
                json("outcome", "ACHIEVED", "evidence", "biên bản họp chi bộ 24/7/2020", "occurredOn", "2020-07-24")));
        s.ok(op.post("/api/v1/tasks/" + taskIds.get(1) + "/evaluation",
                json("level", "GOOD", "occurredOn", "2020-07-24")));

        JsonNode board = s.awaitGet("/api/v1/organizations/" + cell + "/task-board?asOf=2020-08-01",
                b -> b.path("openTasks").asInt() == 5 && b.path("households").path("covered").asInt() == 24);
        assertThat(board.path("overdueTasks").asInt()).isEqualTo(1);
        assertThat(board.path("tasks").findValuesAsText("taskId")).contains(secretaryDuty)
                .doesNotContain(taskIds.get(1));
        assertThat(board.path("households").path("registered").asInt()).isEqualTo(40);
        assertThat(board.path("households").path("uncovered").asInt()).isEqualTo(16);
        assertThat(board.path("households").path("coveredHouseholds").findValuesAsText("assigneeId"))
                .contains(members.get(10)).doesNotContain(members.get(7));

        JsonNode outcomes = s.awaitGet("/api/v1/members/" + members.get(4) + "/task-outcomes?year=2020",
                o -> o.path("completed").asInt() == 1 && o.path("evaluations").path("GOOD").asInt() == 1);
        assertThat(outcomes.path("assigned").asInt()).isEqualTo(1);
        assertThat(outcomes.path("evaluations").path("GOOD").asInt()).isEqualTo(1);
        LedgerClient.Response read = op.get("/api/v1/members/" + members.get(4) + "/task-outcomes?year=2020");
        assertThat(read.header("Ledger-Projection")).startsWith("task-board");
    }

    @Test
    void commitmentCoverageAndDevelopmentRollUpFromCellsToTheCommune() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        String province = s.establish("PROVINCE", null, null, "Đảng bộ tỉnh Sơn La", "2004-01-01");
        String commune = s.establish("COMMUNE", null, province, "Đảng bộ xã Vân Hồ", "2004-01-01");
        String saoDo1 = s.establish("CELL", "VILLAGE", commune, "Chi bộ bản Sao Đỏ 1", "2004-01-01");
        String saoDo2 = s.establish("CELL", "VILLAGE", commune, "Chi bộ bản Sao Đỏ 2", "2004-01-01");
        String closed = s.establish("CELL", "VILLAGE", commune, "Chi bộ bản cũ", "2004-01-01");
        s.ok(op.post("/api/v1/organizations/" + closed + "/dissolution",
                json("reason", "sáp nhập bản", "occurredOn", "2020-06-01")));
        List<String> one = new ArrayList<>();
        List<String> two = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            one.add(s.enrollOfficial(saoDo1, "Sao Đỏ 1 - " + i, "2000-03-01", "2001-03-01"));
        }
        for (int i = 1; i <= 3; i++) {
            two.add(s.enrollOfficial(saoDo2, "Sao Đỏ 2 - " + i, "2000-03-01", "2001-03-01"));
        }

        // Commitments 2021: all of Sao Đỏ 1, two of three in Sao Đỏ 2.
        Map<String, Object> sections = Map.of("politicalIdeology", "Học tập nghị quyết",
                "ethicsAndLifestyle", "Giữ gìn lối sống", "assignedDuties", "Phụ trách nhóm hộ",
                "organizationalDiscipline", "Sinh hoạt đầy đủ", "remedyingShortcomings", "Mạnh dạn phát biểu",
                "congressResolutionPlan", "Giúp 2 hộ thoát nghèo");
        List<String> commitments = new ArrayList<>();
        for (String m : List.of(one.get(0), one.get(1), one.get(2), one.get(3), two.get(0), two.get(1))) {
            LedgerClient.Response r = op.post("/api/v1/members/" + m + "/commitments",
                    json("year", 2021, "sections", sections, "occurredOn", "2021-01-15"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            commitments.add(r.id());
        }
        long before = storedEvents();
        LedgerClient.Response twice = op.post("/api/v1/members/" + one.get(0) + "/commitments",
                json("year", 2021, "sections", sections, "occurredOn", "2021-02-01"));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.body().path("errors").findValuesAsText("field")).containsExactly("year");
        assertThat(storedEvents()).isEqualTo(before);
        s.ok(op.post("/api/v1/commitments/" + commitments.get(0) + "/review",
                json("remarks", "đạt", "occurredOn", "2021-01-25")));
        s.ok(op.post("/api/v1/commitments/" + commitments.get(0) + "/self-assessment",
                json("fulfilled", true, "assessment", "Hoàn thành các nội dung cam kết", "occurredOn", "2021-12-10")));
        s.ok(op.post("/api/v1/commitments/" + commitments.get(4) + "/breaches",
                json("meetingId", "meeting-2021-05", "description", "vắng sinh hoạt 2 kỳ", "occurredOn", "2021-05-24")));

        JsonNode coverage = s.awaitGet("/api/v1/organizations/" + commune + "/commitment-coverage?year=2021",
                c -> c.path("counts").path("submitted").asInt() == 6 && c.path("counts").path("breaches").asInt() == 1
                        && c.path("counts").path("selfAssessed").asInt() == 1);
        assertThat(coverage.path("counts").path("expected").asInt()).isEqualTo(7);
        assertThat(coverage.path("counts").path("reviewed").asInt()).isEqualTo(1);
        assertThat(coverage.path("counts").path("allSubmitted").isBoolean()).isTrue();
        assertThat(coverage.path("counts").path("allSubmitted").asBoolean()).isFalse();
        // the commune's cells page as every list does; the counts stay the whole subtree's on every page
        JsonNode firstPage = op.get("/api/v1/organizations/" + commune + "/commitment-coverage?year=2021&size=1").body();
        JsonNode secondPage = op.get("/api/v1/organizations/" + commune
                + "/commitment-coverage?year=2021&size=1&page=1").body();
        assertThat(firstPage.path("total").asInt()).isEqualTo(2);
        assertThat(firstPage.path("items")).hasSize(1);
        assertThat(secondPage.path("items")).hasSize(1);
        assertThat(secondPage.path("page").asInt()).isEqualTo(1);
        assertThat(List.of(firstPage.path("items").get(0).path("organizationId").asText(),
                secondPage.path("items").get(0).path("organizationId").asText())).containsExactlyInAnyOrder(saoDo1, saoDo2);
        assertThat(secondPage.path("counts")).isEqualTo(coverage.path("counts"));
        JsonNode cellOne = s.awaitGet("/api/v1/organizations/" + saoDo1 + "/commitment-coverage?year=2021",
                c -> c.path("counts").path("submitted").asInt() == 4);
        assertThat(cellOne.path("counts").path("allSubmitted").asBoolean()).isTrue();

        // Quotas: the province sets the commune's, the commune its cells'. A dissolved cell gets none.
        s.ok(op.put("/api/v1/organizations/" + commune + "/admission-quotas/2021",
                json("quota", 4, "occurredOn", "2021-01-05")));
        s.ok(op.put("/api/v1/organizations/" + saoDo1 + "/admission-quotas/2021",
                json("quota", 2, "occurredOn", "2021-01-10")));
        long beforeDissolved = storedEvents();
        LedgerClient.Response dissolved = op.put("/api/v1/organizations/" + closed + "/admission-quotas/2021",
                json("quota", 1, "occurredOn", "2021-01-10"));
        assertThat(dissolved.status()).as(dissolved.toString()).isEqualTo(422);
        assertThat(dissolved.body().path("errors").findValuesAsText("field")).containsExactly("organizationId");
        assertThat(storedEvents()).isEqualTo(beforeDissolved);

        // Admissions: three in Sao Đỏ 1 and two in Sao Đỏ 2 in 2021, one more in 2022.
        List<String> admitted2021 = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            admitted2021.add(admit(op, s, saoDo1, one, "2021-0" + (3 + i) + "-05", "SD1-" + i));
        }
        for (int i = 0; i < 2; i++) {
            admit(op, s, saoDo2, two, "2021-0" + (3 + i) + "-05", "SD2-" + i);
        }
        admit(op, s, saoDo2, two, "2022-03-05", "SD2-22");
        // The first is recognised 3 working days after the probation (ceremony 10/3/2021 + 12 months).
        s.ok(op.post("/api/v1/members/" + admitted2021.get(0) + "/recognition", json("decisionNo", "QĐ CT-1",
                "decisionDate", "2022-03-15", "cellVote", Map.of("approving", 4, "officialMembers", 4,
                        "heldOn", "2022-03-14"))));

        JsonNode y2021 = s.awaitGet("/api/v1/organizations/" + commune + "/development?year=2021",
                d -> d.path("figures").path("admissions").asInt() == 5
                        && d.path("figures").path("courseCompletions").asInt() == 1
                        && d.path("figures").path("candidatesRegistered").asInt() == 1);
        assertThat(y2021.path("quota").asInt()).isEqualTo(4);
        assertThat(y2021.path("subordinateQuotas").asInt()).isEqualTo(2);
        // the courses of the 2021 admissions were in 2020; the one of 2021 belongs to the candidate admitted in 2022
        assertThat(y2021.path("figures").path("courseCompletions").asInt()).isEqualTo(1);
        assertThat(y2021.path("figures").path("candidatesRegistered").asInt()).isEqualTo(1);
        Map<String, Integer> byCell = new HashMap<>();
        y2021.path("children").forEach(c -> byCell.put(c.path("organizationId").asText(),
                c.path("figures").path("admissions").asInt()));
        assertThat(byCell).containsEntry(saoDo1, 3).containsEntry(saoDo2, 2);

        JsonNode y2022 = s.awaitGet("/api/v1/organizations/" + commune + "/development?year=2022",
                d -> d.path("figures").path("officialRecognitions").asInt() == 1);
        assertThat(y2022.path("figures").path("admissions").asInt()).isEqualTo(1);
        assertThat(y2022.path("figures").path("overdueRecognitions").asInt()).isEqualTo(4);
        assertThat(y2022.path("overdueRecognitions").findValuesAsText("memberId"))
                .doesNotContain(admitted2021.get(0));
    }

    @Test
    void secretaryAssignsTasksInTheirCellButOnlyTheSuperiorSetsTheQuota() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        String province = s.establish("PROVINCE", null, null, "Tỉnh Hà Giang", "2010-01-01");
        String commune = s.establish("COMMUNE", null, province, "Xã Đồng Văn", "2010-01-01");
        String own = s.establish("CELL", "VILLAGE", commune, "Chi bộ thôn Lũng Cú", "2010-01-01");
        String other = s.establish("CELL", "VILLAGE", commune, "Chi bộ thôn Séo Lủng", "2010-01-01");
        String member = s.enrollOfficial(own, "Vàng Mí Sử", "2000-03-01", "2001-03-01");
        String stranger = s.enrollOfficial(other, "Sùng Mí Chá", "2000-03-01", "2001-03-01");
        s.ok(op.post("/api/v1/users", Map.of("username", "secretary.lungcu", "password", "a-long-enough-password",
                "fullName", "Bí thư Lũng Cú", "grants", List.of(Map.of("role", "CELL_SECRETARY", "organizationId", own)))));
        s.ok(op.post("/api/v1/users", Map.of("username", "committee.dongvan", "password", "a-long-enough-password",
                "fullName", "Đảng ủy xã Đồng Văn",
                "grants", List.of(Map.of("role", "COMMUNE_COMMITTEE", "organizationId", commune)))));
        LedgerClient secretary = op.as("secretary.lungcu", "a-long-enough-password");
        LedgerClient committee = op.as("committee.dongvan", "a-long-enough-password");

        LedgerClient.Response mine = secretary.post("/api/v1/organizations/" + own + "/tasks",
                task(member, "LIAISON", null, "2021-06-30", "visit the border post monthly", "2021-01-10"));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
        assertThat(secretary.post("/api/v1/organizations/" + other + "/tasks",
                task(stranger, "LIAISON", null, "2021-06-30", "x", "2021-01-10")).status()).isEqualTo(403);
        assertThat(secretary.put("/api/v1/organizations/" + own + "/admission-quotas/2021",
                json("quota", 3, "occurredOn", "2021-01-05")).status()).isEqualTo(403);
        LedgerClient.Response set = committee.put("/api/v1/organizations/" + own + "/admission-quotas/2021",
                json("quota", 3, "occurredOn", "2021-01-05"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(committee.put("/api/v1/organizations/" + commune + "/admission-quotas/2021",
                json("quota", 9, "occurredOn", "2021-01-05")).status()).isEqualTo(403);
        JsonNode development = s.awaitGet("/api/v1/organizations/" + own + "/development?year=2021",
                d -> d.path("quota").asInt() == 3);
        assertThat(development.path("figures").path("admissions").asInt()).isZero();
    }

    /** Registers a candidate, records the course and admits them with two of the cell's officials introducing. */
    private static String admit(LedgerClient op, Scenario s, String cell, List<String> officials, String decisionDate,
                                String certificate) {
        int year = Integer.parseInt(decisionDate.substring(0, 4));
        String candidate = s.registerCandidate(cell, "Ứng viên " + certificate, "1998-04-01", (year - 1) + "-06-01");
        s.ok(op.post("/api/v1/members/" + candidate + "/awareness-course",
                json("certificateNo", certificate, "occurredOn", (year - 1) + "-10-01")));
        s.ok(op.post("/api/v1/members/" + candidate + "/admission", Map.of(
                "decisionNo", "QĐ " + certificate, "decisionIssuer", "Đảng ủy xã Vân Hồ",
                "decisionDate", decisionDate, "ceremonyDate", decisionDate.substring(0, 8) + "10",
                "introducers", List.of(Map.of("memberId", officials.get(0), "workedWithSince", "2015-01-01"),
                        Map.of("memberId", officials.get(1), "workedWithSince", "2015-01-01")),
                "cellVote", Map.of("approving", officials.size(), "officialMembers", officials.size(),
                        "heldOn", decisionDate))));
        return candidate;
    }
}
