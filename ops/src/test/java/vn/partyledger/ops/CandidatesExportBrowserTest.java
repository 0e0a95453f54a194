package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The candidates table's export is the roll page's own address with {@code format} and {@code table}, so the page's
 * access rule is its rule: it lists the cell's candidates by name as the page does, and is refused, as the page is, to
 * whoever may not read the cell's record (a dashboard viewer of the commune sees counts, nobody's record).
 */
class CandidatesExportBrowserTest extends BrowserTestSupport {

    private static final String VIEWER = "viewer.candidates";
    private static final String VIEWER_PASSWORD = "Xem-so-lieu-Muong-Phang-2025";

    @Test
    void theCandidatesExportListsThemByNameAndIsRefusedLikeTheRollPage() throws Exception {
        LedgerClient op = operator();
        Scenario scenario = new Scenario(op);
        String province = scenario.establish("PROVINCE", null, null, "Đảng bộ tỉnh Điện Biên", "2004-01-01");
        String commune = scenario.establish("COMMUNE", null, province, "Đảng bộ xã Mường Phăng", "2004-01-01");
        String cell = scenario.establish("CELL", "VILLAGE", commune, "Chi bộ bản Phăng 2", "2004-01-01");
        scenario.registerCandidate(cell, "Quàng Văn Tâm", "1999-07-14", "2024-03-01");
        scenario.registerCandidate(cell, "Lò Thị Hương", "2000-02-29", "2024-05-02");
        scenario.awaitGet("/api/v1/organizations/" + cell + "/candidates", c -> c.path("items").size() == 2);
        LedgerClient.Response user = op.post("/api/v1/users", Map.of("username", VIEWER, "password", VIEWER_PASSWORD,
                "fullName", "Cán bộ theo dõi số liệu", "grants", List.of(Map.of("role", "DASHBOARD_VIEWER",
                        "organizationId", commune))));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        String export = "/web/organizations/" + cell + "/roll?format=csv&table=candidates";

        web.logIn(OPERATOR, OPERATOR_PASSWORD);
        String csv = new String(web.downloadOk(export), StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).containsExactly(
                "\uFEFFSTT,Họ và tên,Ngày sinh,Số giấy chứng nhận lớp nhận thức về Đảng",
                "1,Lò Thị Hương,29/02/2000,", "2,Quàng Văn Tâm,14/07/1999,");
        web.logOut();

        web.logIn(VIEWER, VIEWER_PASSWORD);
        HttpResponse<byte[]> page = web.download("/web/organizations/" + cell + "/roll");
        HttpResponse<byte[]> refused = web.download(export);
        HttpResponse<byte[]> refusedXlsx = web.download(export.replace("format=csv", "format=xlsx"));
        web.logOut();
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refusedXlsx.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");

        // pages and exports are reads of the ledger like the API's: each one in the access log, refusals included,
        // and not the style sheets and scripts that came with them
        JsonNode log = op.get("/api/v1/ops/access-log?userId=" + user.id()).body().path("items");
        List<String> lines = new ArrayList<>();
        log.forEach(e -> lines.add(e.path("method").asText() + " " + e.path("path").asText() + " "
                + e.path("status").asInt() + " " + e.path("username").asText()));
        String roll = "GET /web/organizations/" + cell + "/roll 403 " + VIEWER;
        assertThat(lines).as("after logging in: the page and its two exports, refused")
                .filteredOn(line -> line.contains(" 403 ")).containsExactly(roll, roll, roll);
        assertThat(lines).isNotEmpty().allMatch(line -> line.startsWith("GET /web/"));
    }
}
