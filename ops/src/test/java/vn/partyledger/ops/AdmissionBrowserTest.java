package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Na Tông walk-through (AE4) from the browser, as a newcomer does it on the operator's account: the province, the
 * commune and its 16 cells from the forms, the 136 members of the paper roll imported from a spreadsheet, a candidate
 * registered, her awareness course recorded, an admission refused by P4 (10 of 16 approving) and then stored, and the
 * tree's counts on 2020-03-23 read from the page; then the end of probation from the dossier: her recognition, and
 * another's removal. Organisations are found by their ids, not their names, so other
 * tests' communes of the same names on the shared service do not matter.
 */
class AdmissionBrowserTest extends BrowserTestSupport {

    private static final String PROVINCE = "Đảng bộ tỉnh Điện Biên";
    private static final String COMMUNE = "Đảng bộ xã Na Tông";
    /** AE4's cells: 11 village, 4 school, 1 health station. */
    private static final List<String[]> CELLS = cells();
    private static final int MEMBERS = 136;
    private static final int IN_FIRST_CELL = 16;

    @Test
    void aNewcomerDoesTheNaTongWalkThroughFromTheBrowserAndTakesMembersToTheEndOfProbation() throws Exception {
        web.logIn(OPERATOR, OPERATOR_PASSWORD);

        // the province, the commune and its 16 cells, each from its form
        web.open("/web/organizations");
        web.clickAndAwaitNewPage(By.id("new-top"));
        web.type("name", PROVINCE);
        web.set("occurredOn", "2004-01-01");
        String province = save();
        web.clickAndAwaitNewPage(row(province).findElement(By.cssSelector("a.new-child")));
        web.type("name", COMMUNE);
        web.set("occurredOn", "2004-01-01");
        String commune = save();
        List<String> cells = new ArrayList<>();
        for (String[] cell : CELLS) {
            web.clickAndAwaitNewPage(row(commune).findElement(By.cssSelector("a.new-child")));
            assertThat(new Select(browser.findElement(By.id("level"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("CELL");
            new Select(browser.findElement(By.id("cellType"))).selectByValue(cell[1]);
            web.type("name", cell[0]);
            web.set("occurredOn", "2004-01-01");
            cells.add(save());
        }
        String naTong1 = cells.get(0);

        // the paper roll: 136 members, 16 of them in Na Tông 1, all official before 2020
        Path file = BrowserSession.SCREENSHOTS.resolveSibling("na-tong-136.xlsx");
        writeRoll(file);
        web.open("/web/organizations/" + commune + "/roll-import");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        web.clickAndAwaitNewPage(By.id("import-button"));
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(b -> !b.findElements(By.id("finished")).isEmpty());
        assertThat(web.text("counts")).isEqualTo("Lưu mới: " + MEMBERS + "; đã có từ trước: 0; bị từ chối: 0");

        // a candidate, registered from the cell's row of the tree
        web.open("/web/organizations");
        web.clickAndAwaitNewPage(row(naTong1).findElement(By.xpath(".//a[text()='Ghi nhận quần chúng ưu tú']")));
        web.type("fullName", "Lường Thị Mai");
        web.set("birthDate", "1998-04-01");
        new Select(browser.findElement(By.id("gender"))).selectByValue("FEMALE");
        web.type("ethnicity", "Thái");
        new Select(browser.findElement(By.id("educationLevel"))).selectByValue("UPPER_SECONDARY");
        web.set("occurredOn", "2019-12-05");
        web.clickAndAwaitNewPage(By.id("save"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hồ sơ đảng viên Lường Thị Mai");
        String mai = browser.getCurrentUrl().replaceAll(".*/web/members/([^/?]+)/dossier.*", "$1");

        // her awareness course, from her dossier
        web.clickAndAwaitNewPage(By.id("to-course"));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Ghi nhận lớp bồi dưỡng nhận thức về Đảng: Lường Thị Mai");
        web.type("certificateNo", "NT-2019-17");
        web.set("occurredOn", "2019-12-10");
        web.clickAndAwaitNewPage(By.id("save"));
        assertThat(web.text("recorded")).isEqualTo("Đã ghi nhận lớp bồi dưỡng nhận thức về Đảng.");
        assertThat(browser.findElement(By.cssSelector("#timeline tr[data-type=AwarenessCourseCompleted]")).getText())
                .contains("10/12/2019");

        JsonNode candidates = new Scenario(operator()).awaitGet("/api/v1/organizations/" + naTong1 + "/candidates",
                c -> c.path("items").size() == 1);
        assertThat(candidates.path("items").path(0).path("memberId").asText()).isEqualTo(mai);
        assertThat(candidates.path("items").path(0).path("awarenessCertificateNo").asText()).isEqualTo("NT-2019-17");

        // the cell's roll, from its row of the tree, lists her among its candidates; the admission form opens there
        web.open("/web/organizations");
        web.clickAndAwaitNewPage(row(naTong1).findElement(By.cssSelector("a.development")));
        WebElement candidate = browser.findElement(By.id("candidate-" + mai));
        assertThat(candidate.getText()).contains("Lường Thị Mai").contains("01/04/1998").contains("NT-2019-17");
        exportsCandidates();
        web.clickAndAwaitNewPage(candidate.findElement(By.cssSelector("a.admission")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Kết nạp đảng viên: Lường Thị Mai");

        // the introducers are picked from the cell's official members on the decision date
        web.set("rollDate", "2020-01-15");
        web.clickAndAwaitNewPage(By.id("load-roll"));
        assertThat(browser.findElement(By.tagName("legend")).getText()).contains("15/01/2020");
        Select first = new Select(browser.findElement(By.id("introducers[0].memberId")));
        assertThat(first.getOptions()).hasSize(IN_FIRST_CELL + 1);
        assertThat(browser.findElement(By.id("decisionDate")).getAttribute("value")).isEqualTo("2020-01-15");
        web.type("decisionNo", "125-QĐ/ĐU");
        web.type("decisionIssuer", "Đảng ủy xã Na Tông");
        web.set("ceremonyDate", "2020-01-20");
        first.selectByIndex(1);
        web.set("introducers[0].workedWithSince", "2017-01-01");
        new Select(browser.findElement(By.id("introducers[1].memberId"))).selectByIndex(2);
        web.set("introducers[1].workedWithSince", "2016-06-01");
        web.type("cellVote.approving", "10");
        web.type("cellVote.officialMembers", String.valueOf(IN_FIRST_CELL));
        web.set("cellVote.heldOn", "2020-01-10");
        web.clickAndAwaitNewPage(By.id("save"));

        // 10 of 16 is less than two thirds: refused next to the vote, in Vietnamese, with what was typed kept
        if (browser.findElements(By.id("error-cellVote")).isEmpty()) {
            throw new AssertionError("no refusal next to the vote; the page was:\n" + browser.getPageSource());
        }
        assertThat(web.text("error-cellVote")).startsWith("Không được chấp nhận theo quy tắc P4 (nghị quyết kết nạp, "
                + "công nhận chính thức cần ít nhất 2/3 đảng viên chính thức tán thành). Căn cứ: Điều lệ Đảng 2011");
        assertThat(browser.findElement(By.id("decisionNo")).getAttribute("value")).isEqualTo("125-QĐ/ĐU");
        assertThat(browser.findElement(By.id("cellVote.approving")).getAttribute("value")).isEqualTo("10");
        web.script("window.scrollTo(0, document.getElementById('cellVote').offsetTop - 10)");
        web.screenshot("admission-refused");
        Scenario scenario = new Scenario(operator());
        scenario.awaitCaughtUp();
        assertThat(operator().get("/api/v1/members/" + mai).body().path("status").asText()).isEqualTo("CANDIDATE");

        // 11 of 16 is enough
        web.type("cellVote.approving", "11");
        web.clickAndAwaitNewPage(By.id("save"));
        assertThat(web.text("recorded")).isEqualTo("Đã lưu quyết định kết nạp.");
        assertThat(browser.findElement(By.cssSelector("#timeline tr[data-type=MemberAdmitted]")).getText())
                .contains("15/01/2020");
        assertThat(web.text("member")).contains("Dự bị");
        assertThat(browser.findElements(By.id("to-recognition"))).hasSize(1);

        // the counts on 2020-03-23, read on the tree page: 136 official + 1 probationary; Na Tông 1: 17
        web.open("/web/organizations");
        web.set("asOf", "2020-03-23");
        web.clickAndAwaitNewPage(By.cssSelector("form.picker button"));
        assertThat(browser.getCurrentUrl()).contains("asOf=2020-03-23");
        List<WebElement> communeRow = row(commune).findElements(By.tagName("td"));
        assertThat(communeRow.get(2).getText()).isEqualTo(String.valueOf(MEMBERS));
        assertThat(communeRow.get(3).getText()).isEqualTo("1");
        List<WebElement> cellRow = row(naTong1).findElements(By.tagName("td"));
        assertThat(cellRow.get(0).getText()).isEqualTo("Chi bộ bản Na Tông 1");
        assertThat(cellRow.get(2).getText()).isEqualTo(String.valueOf(IN_FIRST_CELL));
        assertThat(cellRow.get(3).getText()).isEqualTo("1");
        assertThat(cellRow.get(9).getText()).isEqualTo(String.valueOf(IN_FIRST_CELL + 1));
        web.script("window.scrollTo(0, arguments[0].offsetTop - 10)", row(commune));
        web.screenshot("na-tong-tree");

        // the same through the API, as the curl walk-through reads it
        JsonNode tree = operator().get("/api/v1/organizations/" + commune + "/tree?asOf=2020-03-23").body();
        assertThat(tree.path("roots").path(0).path("subtreeCounts").path("official").asInt()).isEqualTo(MEMBERS);
        assertThat(tree.path("roots").path(0).path("subtreeCounts").path("probationary").asInt()).isEqualTo(1);
        assertThat(operator().get("/api/v1/organizations/" + naTong1 + "/candidates").body().path("items"))
                .isEmpty();

        // a year on, her probation over (2021-01-20), the cell recognises her from her dossier
        web.open("/web/members/" + mai + "/dossier");
        web.clickAndAwaitNewPage(By.id("to-recognition"));
        web.type("decisionNo", "31-QĐ/ĐU");
        web.set("decisionDate", "2021-01-25");
        web.type("cellVote.approving", "16");
        web.type("cellVote.officialMembers", "16");
        web.set("cellVote.heldOn", "2021-01-22");
        web.clickAndAwaitNewPage(By.id("save"));
        assertThat(web.text("recorded")).isEqualTo("Đã lưu quyết định công nhận đảng viên chính thức.");
        assertThat(web.text("member")).contains("Chính thức");

        // a candidate of Na Tông 2 admitted through the API does not qualify: removed from probation from her dossier
        String naTong2 = cells.get(1);
        String other = probationaryIn(naTong2);
        web.open("/web/members/" + other + "/dossier");
        web.clickAndAwaitNewPage(By.id("to-probation-removal"));
        web.type("decisionNo", "40-QĐ/ĐU");
        web.type("reason", "không đủ tư cách đảng viên");
        web.set("occurredOn", "2021-06-15");
        web.clickAndAwaitNewPage(By.id("save"));
        assertThat(web.text("recorded")).isEqualTo("Đã lưu quyết định xóa tên dự bị.");
        assertThat(web.text("member")).contains("Xóa tên dự bị");
        assertThat(browser.findElement(By.cssSelector("#timeline tr[data-type=ProbationaryRemoved]")).getText())
                .contains("15/06/2021");
    }

    /**
     * The candidates table's XLSX and CSV, from the links beside it, as the roll's: the same rows as on screen under
     * Vietnamese headings, the birth date a real date cell, the file named after the table and the day.
     */
    private void exportsCandidates() throws Exception {
        String xlsxLink = browser.findElement(By.id("xlsx-candidates")).getAttribute("href");
        HttpResponse<byte[]> xlsx = web.download(xlsxLink.substring(xlsxLink.indexOf("/web/")));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment;").containsPattern("quan-chung-uu-tu-\\d{8}\\.xlsx");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).startsWith("Quần chúng ưu tú Chi bộ bản Na");
            Row header = sheet.getRow(0);
            assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
                    header.getCell(2).getStringCellValue(), header.getCell(3).getStringCellValue())).containsExactly(
                    "STT", "Họ và tên", "Ngày sinh", "Số giấy chứng nhận lớp nhận thức về Đảng");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            Row mai = sheet.getRow(1);
            assertThat(mai.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(mai.getCell(1).getStringCellValue()).isEqualTo("Lường Thị Mai");
            assertThat(mai.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(1998, 4, 1));
            assertThat(mai.getCell(3).getStringCellValue()).isEqualTo("NT-2019-17");
        }
        String csvLink = browser.findElement(By.id("csv-candidates")).getAttribute("href");
        String csv = new String(web.downloadOk(csvLink.substring(csvLink.indexOf("/web/"))), StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).containsExactly(
                "\uFEFFSTT,Họ và tên,Ngày sinh,Số giấy chứng nhận lớp nhận thức về Đảng",
                "1,Lường Thị Mai,01/04/1998,NT-2019-17");
    }

    /** A candidate registered, trained and admitted in the cell through the API (two introducers, 6 of 8). */
    private String probationaryIn(String cell) {
        LedgerClient op = operator();
        Scenario scenario = new Scenario(op);
        LedgerClient.Response registered = op.post("/api/v1/members", LedgerClient.json("organizationId", cell,
                "fullName", "Quàng Thị Sen", "birthDate", "1999-02-01", "gender", "FEMALE",
                "educationLevel", "UPPER_SECONDARY", "occurredOn", "2020-02-01"));
        scenario.ok(registered);
        String id = registered.id();
        scenario.ok(op.post("/api/v1/members/" + id + "/awareness-course",
                LedgerClient.json("certificateNo", "NT-2020-03", "occurredOn", "2020-03-01")));
        JsonNode roll = scenario.awaitGet("/api/v1/organizations/" + cell + "/roll?asOf=2020-06-01",
                r -> r.path("total").asInt() == 8);
        scenario.ok(op.post("/api/v1/members/" + id + "/admission", Map.of("decisionNo", "130-QĐ/ĐU",
                "decisionIssuer", "Đảng ủy xã Na Tông", "decisionDate", "2020-06-05", "ceremonyDate", "2020-06-10",
                "introducers", List.of(
                        Map.of("memberId", roll.path("items").path(0).path("memberId").asText(),
                                "workedWithSince", "2018-01-01"),
                        Map.of("memberId", roll.path("items").path(1).path("memberId").asText(),
                                "workedWithSince", "2018-01-01")),
                "cellVote", Map.of("approving", 6, "officialMembers", 8, "heldOn", "2020-06-01"))));
        scenario.awaitGet("/api/v1/members/" + id, m -> m.path("status").asText().equals("PROBATIONARY"));
        return id;
    }

    /** Saves the organisation form and answers the id of what was established (the tree's address names it). */
    private String save() {
        web.clickAndAwaitNewPage(By.id("save"));
        assertThat(web.text("established")).isEqualTo("Đã thành lập tổ chức đảng.");
        return browser.getCurrentUrl().replaceAll(".*[?&]established=([^&]+).*", "$1");
    }

    private WebElement row(String organizationId) {
        return browser.findElement(By.xpath("//table[@id='tree']//tr[td/a[contains(@href, '/web/organizations/"
                + organizationId + "/roll')]]"));
    }

    private static List<String[]> cells() {
        List<String[]> cells = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            cells.add(new String[] {"Chi bộ bản Na Tông " + i, "VILLAGE"});
        }
        String[] schools = {"Chi bộ trường Mầm non", "Chi bộ trường Tiểu học", "Chi bộ trường THCS",
                "Chi bộ trường PTDTBT"};
        for (String school : schools) {
            cells.add(new String[] {school + " Na Tông", "SCHOOL"});
        }
        cells.add(new String[] {"Chi bộ Trạm y tế xã Na Tông", "HEALTH_STATION"});
        return cells;
    }

    /**
     * The commune's paper roll: 16 members in Na Tông 1 and 8 in each of the other 15 cells, every one admitted
     * between 1972 and 2014 and official a year later.
     */
    private static void writeRoll(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            int cell = i < IN_FIRST_CELL ? 0 : 1 + (i - IN_FIRST_CELL) / 8;
            LocalDate birth = LocalDate.of(1950 + i % 40, 1 + i % 12, 1 + i % 28);
            LocalDate admitted = birth.plusYears(22).plusMonths(i % 7);
            rows.add(List.of(String.valueOf(i + 1), "Lò Văn Na Tông " + (i + 1), birth.format(PaperRoll.DAY),
                    i % 2 == 0 ? "Nam" : "Nữ", admitted.format(PaperRoll.DAY),
                    admitted.plusYears(1).format(PaperRoll.DAY), CELLS.get(cell)[0]));
        }
        PaperRoll.write(file, rows);
    }
}
