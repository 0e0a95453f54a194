package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AE4 through the HTTP API: the commune of Na Tông (Điện Biên) with its 16 cells (11 village, 4 school, 1 health
 * station) and 137 members, read back as counts per cell and for the subtree; then the 2025 reorganisation that removed
 * the district level, with the district's history still readable.
 */
class NaTongWalkthroughTest extends LedgerTestSupport {

    @Test
    void naTongRollCountsAddUpFromCellsToTheCommuneAndSurviveTheReorganisation() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        String province = s.establish("PROVINCE", null, null, "Đảng bộ tỉnh Điện Biên", "2004-01-01");
        String district = s.establish("DISTRICT", null, province, "Đảng bộ huyện Điện Biên", "2004-01-01");
        String commune = s.establish("COMMUNE", null, district, "Đảng bộ xã Na Tông", "2004-01-01");

        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            cells.add(s.establish("CELL", "VILLAGE", commune, "Chi bộ bản Na Tông " + i, "2004-01-01"));
        }
        for (int i = 1; i <= 4; i++) {
            cells.add(s.establish("CELL", "SCHOOL", commune, "Chi bộ trường " + i, "2004-01-01"));
        }
        cells.add(s.establish("CELL", "HEALTH_STATION", commune, "Chi bộ trạm y tế xã", "2004-01-01"));
        String naTong1 = cells.get(0);

        // Na Tông 1 has 17 members: 16 already on the paper roll, one admitted through the ledger. The other 15
        // cells share 120, eight each: 137 in all.
        List<String> naTong1Members = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            naTong1Members.add(s.enrollOfficial(naTong1, "Lò Văn " + i, "2000-03-01", "2001-03-01"));
        }
        for (int c = 1; c < cells.size(); c++) {
            for (int i = 1; i <= 8; i++) {
                s.enrollOfficial(cells.get(c), "Quàng Thị " + c + "-" + i, "2005-06-01", "2006-06-01");
            }
        }

        String candidate = s.registerCandidate(naTong1, "Lường Thị Mai", "1998-04-01", "2019-12-05");
        s.ok(op.post("/api/v1/members/" + candidate + "/awareness-course",
                json("certificateNo", "NT-2019-17", "occurredOn", "2019-12-10")));
        Map<String, Object> admission = Map.of(
                "decisionNo", "125-QĐ/ĐU", "decisionIssuer", "Đảng ủy xã Na Tông",
                "decisionDate", "2020-01-15", "ceremonyDate", "2020-01-20",
                "introducers", List.of(
                        Map.of("memberId", naTong1Members.get(0), "workedWithSince", "2017-01-01"),
                        Map.of("memberId", naTong1Members.get(1), "workedWithSince", "2016-06-01")),
                "cellVote", Map.of("approving", 10, "officialMembers", 16, "heldOn", "2020-01-10"));

        // 10 of 16 is less than two thirds: refused by P4, and nothing is stored.
        LedgerClient.Response refused = op.post("/api/v1/members/" + candidate + "/admission", admission);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("rule").asText()).isEqualTo("P4");
        assertThat(refused.body().path("basis").asText()).contains("Điều lệ Đảng");

        Map<String, Object> enough = new java.util.HashMap<>(admission);
        enough.put("cellVote", Map.of("approving", 11, "officialMembers", 16, "heldOn", "2020-01-10"));
        s.ok(op.post("/api/v1/members/" + candidate + "/admission", enough));

        JsonNode tree = s.awaitGet("/api/v1/organizations/" + commune + "/tree?asOf=2020-03-23",
                t -> t.path("roots").path(0).path("subtreeCounts").path("probationary").asInt() == 1
                        && t.path("roots").path(0).path("subtreeCounts").path("official").asInt() == 136);
        JsonNode naTongNode = tree.path("roots").path(0);
        assertThat(naTongNode.path("name").asText()).isEqualTo("Đảng bộ xã Na Tông");
        assertThat(naTongNode.path("children")).hasSize(16);
        int villages = 0;
        int schools = 0;
        int health = 0;
        int sum = 0;
        for (JsonNode cell : naTongNode.path("children")) {
            switch (cell.path("cellType").asText()) {
                case "VILLAGE" -> villages++;
                case "SCHOOL" -> schools++;
                case "HEALTH_STATION" -> health++;
                default -> throw new AssertionError("unexpected cell " + cell);
            }
            sum += cell.path("counts").path("official").asInt() + cell.path("counts").path("probationary").asInt();
        }
        assertThat(List.of(villages, schools, health)).containsExactly(11, 4, 1);
        assertThat(sum).isEqualTo(137);

        JsonNode roll = s.awaitGet("/api/v1/organizations/" + naTong1 + "/roll?asOf=2020-03-23&size=100",
                r -> r.path("total").asInt() == 17);
        assertThat(roll.path("counts").path("official").asInt()).isEqualTo(16);
        assertThat(roll.path("counts").path("probationary").asInt()).isEqualTo(1);
        assertThat(roll.path("items")).hasSize(17);

        // Before the admission decision the candidate is not on the roll.
        JsonNode before = s.awaitGet("/api/v1/organizations/" + naTong1 + "/roll?asOf=2020-01-14", r -> true);
        assertThat(before.path("counts").path("probationary").asInt()).isZero();

        LedgerClient.Response read = op.get("/api/v1/organizations/" + naTong1 + "/roll");
        assertThat(read.header("Ledger-Position")).matches("\\d+");
        assertThat(read.header("Ledger-Projection")).startsWith("member-roll");

        // 2025: the district level ends. Na Tông moves under the province, then the district is dissolved.
        s.ok(op.post("/api/v1/organizations/" + commune + "/reparenting",
                json("newParentId", province, "occurredOn", "2025-07-01")));
        s.ok(op.post("/api/v1/organizations/" + district + "/dissolution",
                json("reason", "Kết thúc hoạt động cấp huyện (mô hình chính quyền 2 cấp)", "occurredOn", "2025-07-01")));

        JsonNode after = s.awaitGet("/api/v1/organizations/" + province + "/tree?asOf=2025-07-02",
                t -> t.path("roots").path(0).path("children").size() == 1
                        && "COMMUNE".equals(t.path("roots").path(0).path("children").path(0).path("level").asText()));
        assertThat(after.path("roots").path(0).path("subtreeCounts").path("official").asInt()).isEqualTo(136);

        JsonNode beforeReform = s.awaitGet("/api/v1/organizations/" + province + "/tree?asOf=2025-06-30", t -> true);
        JsonNode districtNode = beforeReform.path("roots").path(0).path("children").path(0);
        assertThat(districtNode.path("level").asText()).isEqualTo("DISTRICT");
        assertThat(districtNode.path("children").path(0).path("organizationId").asText()).isEqualTo(commune);

        JsonNode dissolved = s.awaitGet("/api/v1/organizations/" + district, d -> d.hasNonNull("endedOn"));
        assertThat(dissolved.path("endedOn").asText()).isEqualTo("2025-07-01");

        // No new district after the reform.
        LedgerClient.Response late = op.post("/api/v1/organizations",
                json("level", "DISTRICT", "parentId", province, "name", "Huyện mới", "occurredOn", "2025-08-01"));
        assertThat(late.status()).as(late.toString()).isEqualTo(422);
    }
}
