package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The web dashboard in a real browser: Debian's headless Chromium driven through chromedriver, one browser session
 * for the whole class, on the shared end-to-end service. The pages are in Vietnamese because the server says so, not
 * because the browser asks for it (headless Chromium announces en-US). Screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest extends BrowserTestSupport {

    /** The bound for the first load of the meeting form and the register on a 3G connection. */
    static final long FIRST_LOAD_LIMIT = 200_000;
    static final int ROLL_SIZE = 137;

    @Autowired
    JdbcTemplate jdbc;

    private Scenario scenario;
    private String commune;
    private String cell;
    private final String[] cellNames = {"Chi bộ bản Na Tông 1", "Chi bộ bản Na Tông 2", "Chi bộ trường Tiểu học"};
    private final String[] cells = new String[3];
    private String[] members;

    @BeforeAll
    void establishCommune() {
        scenario = new Scenario(operator());
        String province = scenario.establish("PROVINCE", null, null, "Đảng bộ tỉnh Điện Biên", "2004-01-01");
        commune = scenario.establish("COMMUNE", null, province, "Đảng bộ xã Na Tông (web)", "2004-01-01");
        for (int i = 0; i < cells.length; i++) {
            cells[i] = scenario.establish("CELL", i == 2 ? "SCHOOL" : "VILLAGE", commune, cellNames[i], "2004-01-01");
        }
        cell = cells[0];
        members = new String[] {
                scenario.enrollOfficial(cell, "Lò Văn Xuân", "2000-03-01", "2001-03-01"),
                scenario.enrollOfficial(cell, "Quàng Thị Hoa", "2005-06-01", "2006-06-01"),
                scenario.enrollOfficial(cell, "Lường Văn Minh", "2010-01-10", "2011-01-10"),
                scenario.enrollOfficial(cell, "Cà Thị Lan", "2012-05-01", "2013-05-01")};
        scenario.ok(operator().post("/api/v1/organizations/" + cell + "/meeting-day",
                json("dayOfMonth", 24, "occurredOn", "2020-01-01")));
        // The pages read the read models: wait until they hold this commune (a test class before this one may have
        // left them thousands of events to apply).
        LedgerClient op = operator();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    LedgerClient.Response r = op.getAfterWrites("/api/v1/organizations/" + cell + "/roll");
                    return r.status() == 200 && r.body().path("total").asInt() == members.length;
                });
    }

    @Test
    @Order(1)
    void aVisitorLogsInThroughTheFormAndSeesTheTreeInVietnamese() throws IOException {
        web.open("/web/organizations");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sổ ghi công tác Đảng");
        browser.findElement(By.id("username")).sendKeys(OPERATOR);
        browser.findElement(By.id("password")).sendKeys("wrong password");
        web.clickAndAwaitNewPage(By.id("login"));
        assertThat(browser.findElement(By.className("error")).getText()).contains("Sai tên đăng nhập hoặc mật khẩu");

        browser.findElement(By.id("username")).sendKeys(OPERATOR);
        browser.findElement(By.id("password")).sendKeys(OPERATOR_PASSWORD);
        web.clickAndAwaitNewPage(By.id("login"));
        assertThat(browser.getCurrentUrl()).contains("/web/organizations");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cây tổ chức và số đảng viên");
        scenario.awaitGet("/api/v1/organizations/" + commune + "/tree",
                t -> t.path("roots").path(0).path("subtreeCounts").path("official").asInt() == 4);
        browser.navigate().refresh();
        WebElement row = browser.findElement(By.xpath("//tr[td/a[text()='Đảng bộ xã Na Tông (web)']]"));
        assertThat(row.getText()).contains("Đảng bộ xã").contains("4");

        web.open("/web/organizations?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Organisation tree and member counts");
        web.open("/web/organizations?lang=vi");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cây tổ chức và số đảng viên");
        web.screenshot("tree");
    }

    @Test
    @Order(2)
    void aSecretaryRecordsAMeetingFromTheFormWithOneTapPerMemberAndAResubmitStoresItOnce() throws IOException {
        web.open("/web/organizations/" + cell + "/meetings/new?heldOn=2025-03-24");
        assertThat(web.firstLoadBytes()).as("first load of the meeting form").isPositive().isLessThan(FIRST_LOAD_LIMIT);
        List<WebElement> roll = browser.findElements(By.cssSelector("fieldset.member"));
        assertThat(roll).hasSize(4);
        assertThat(roll).allSatisfy(m -> assertThat(m.findElement(By.cssSelector("input[value=PRESENT]")).isSelected())
                .isTrue());
        // one tap on the status, as a secretary would on a phone
        tap(roll.get(1), "Vắng có lý do");
        roll.get(1).findElement(By.className("reason")).sendKeys("ốm");
        tap(roll.get(2), "Đến muộn");
        new Select(browser.findElement(By.id("kind"))).selectByValue("REGULAR");
        browser.findElement(By.id("durationMinutes")).sendKeys("100");
        new Select(browser.findElement(By.id("chairMemberId"))).selectByValue(members[0]);
        browser.findElement(By.id("agenda")).sendKeys("Đánh giá kết quả tháng 3\nNhiệm vụ tháng 4");
        browser.findElement(By.id("guestName")).sendKeys("Hà Văn Nam");
        new Select(browser.findElement(By.id("guestLevel"))).selectByValue("COMMUNE");
        browser.findElement(By.id("guestRole")).sendKeys("Đảng ủy viên phụ trách");
        web.script("window.scrollTo(0, document.getElementById('kind').offsetTop - 20)");
        web.screenshot("meeting-form");

        // The connection dropped after the first submission: the browser sends the same form again.
        List<String> landed = web.submitTwice("meeting-form");
        assertThat(landed.get(0)).contains("/register?year=2025&recorded=");
        assertThat(landed.get(1)).isEqualTo(landed.get(0));

        var meeting = scenario.awaitGet("/api/v1/organizations/" + cell + "/meeting-register?year=2025",
                r -> r.path("months").path(2).path("cellsMet").asInt() == 1);
        assertThat(meeting.path("months").path(2).path("meetings")).hasSize(1);
        assertThat(meeting.path("months").path(2).path("attended").asInt()).isEqualTo(3);
        assertThat(meeting.path("months").path(2).path("superiorVisits").asInt()).isEqualTo(1);

        browser.get(landed.get(0));
        assertThat(browser.findElement(By.id("recorded")).getText()).isEqualTo("Đã ghi cuộc họp vào sổ.");
    }

    @Test
    @Order(3)
    void theRegisterShowsTheYearAsAHeatMapOfCellsAndMonths() throws IOException {
        web.open("/web/organizations/" + commune + "/register?year=2025");
        assertThat(web.firstLoadBytes()).as("first load of the register").isPositive().isLessThan(FIRST_LOAD_LIMIT);
        List<WebElement> rows = browser.findElements(By.cssSelector("#heatmap tbody tr"));
        assertThat(rows).extracting(r -> r.findElement(By.tagName("th")).getText()).containsExactly(cellNames);
        WebElement naTong1 = browser.findElement(By.cssSelector("#heatmap tr[data-cell='" + cell + "']"));
        WebElement march = naTong1.findElement(By.cssSelector("td[data-month='3']"));
        assertThat(march.getAttribute("class")).contains("held").doesNotContain("missed");
        assertThat(march.getText()).isEqualTo("75.00%");
        assertThat(naTong1.findElement(By.cssSelector("td[data-month='1']")).getAttribute("class")).contains("missed");
        WebElement naTong2 = browser.findElement(By.cssSelector("#heatmap tr[data-cell='" + cells[1] + "']"));
        assertThat(naTong2.findElement(By.cssSelector("td[data-month='3']")).getAttribute("class")).contains("missed");
        assertThat(browser.findElement(By.cssSelector("#heatmap tfoot tr")).getText()).contains("1/3");
        web.script("window.scrollTo(0, document.querySelector('.legend').offsetTop - 10)");
        web.screenshot("register");
    }

    @Test
    @Order(4)
    void aTaskWithoutItsExpectedResultIsRefusedNextToThatFieldInVietnamese() throws IOException {
        web.open("/web/organizations/" + cell + "/tasks/new");
        new Select(browser.findElement(By.id("assigneeId"))).selectByValue(members[1]);
        new Select(browser.findElement(By.id("kind"))).selectByValue("MASS_ORG");
        browser.findElement(By.id("description")).sendKeys("Vận động hội phụ nữ bản");
        web.set("dueDate", LocalDate.now().plusMonths(3).toString());
        web.clickAndAwaitNewPage(By.id("save"));

        if (browser.findElements(By.id("error-expectedResult")).isEmpty()) {
            throw new AssertionError("no refusal next to expectedResult; the page was:\n" + browser.getPageSource());
        }
        WebElement error = browser.findElement(By.id("error-expectedResult"));
        assertThat(error.getText()).contains("Không được chấp nhận theo quy tắc T1 (giao nhiệm vụ \"4 rõ\")")
                .contains("Căn cứ: KL 18-KL/TW");
        // shown right below the field at fault, and what the secretary typed is kept
        assertThat(browser.findElement(By.xpath("//textarea[@id='expectedResult']/following-sibling::p[1]")).getAttribute("id"))
                .isEqualTo("error-expectedResult");
        assertThat(browser.findElement(By.id("description")).getAttribute("value")).isEqualTo("Vận động hội phụ nữ bản");
        web.screenshot("task-refused");

        browser.findElement(By.id("expectedResult")).sendKeys("Hội phụ nữ bản có 30 hội viên");
        web.clickAndAwaitNewPage(By.id("save"));
        assertThat(browser.findElement(By.id("assigned")).getText()).isEqualTo("Đã giao nhiệm vụ.");
    }

    @Test
    @Order(5)
    void aDryRunReportsEveryBadRowWithItsReasonAndStoresNothing() throws IOException {
        Path file = BrowserSession.SCREENSHOTS.resolveSibling("roll-with-errors.xlsx");
        writeRoll(file, ROLL_SIZE, true);
        web.open("/web/organizations/" + commune + "/roll-import");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        web.clickAndAwaitNewPage(By.id("dry-run-button"));

        if (browser.findElements(By.id("dry-run")).isEmpty()) {
            throw new AssertionError("no dry-run report; the page was:\n" + browser.getPageSource());
        }
        assertThat(browser.findElement(By.id("dry-run")).getText())
                .contains(ROLL_SIZE + " dòng hợp lệ, 3 dòng lỗi");
        List<WebElement> bad = browser.findElements(By.cssSelector("#bad-rows tbody tr"));
        assertThat(bad).extracting(WebElement::getText).containsExactly(
                (ROLL_SIZE + 2) + " Nguyễn Văn Sai Ngày Ngày sinh \"31/02/1980\" không hợp lệ.",
                (ROLL_SIZE + 3) + " Vì Thị Lạc Không có chi bộ \"Chi bộ không có\" trong đảng bộ.",
                (ROLL_SIZE + 4) + " Lò Văn Ba Giới tính \"X\" phải là Nam hoặc Nữ. Trùng với dòng 2 (cùng họ tên và ngày sinh).");
        scenario.awaitCaughtUp();
        assertThat(operator().get("/api/v1/organizations/" + commune + "/roll").body().path("subtreeCounts")
                .path("official").asInt()).isEqualTo(4);
    }

    @Test
    @Order(6)
    void aRollOf137MembersImportsWithProgressAndASecondImportStoresNothingNew() throws IOException {
        Path file = BrowserSession.SCREENSHOTS.resolveSibling("roll-137.xlsx");
        writeRoll(file, ROLL_SIZE, false);

        importFile(file);
        assertThat(browser.findElement(By.id("counts")).getText())
                .isEqualTo("Lưu mới: " + ROLL_SIZE + "; đã có từ trước: 0; bị từ chối: 0");
        scenario.awaitGet("/api/v1/organizations/" + commune + "/roll",
                r -> r.path("subtreeCounts").path("official").asInt() + r.path("subtreeCounts").path("probationary")
                        .asInt() == ROLL_SIZE + 4);

        importFile(file);
        assertThat(browser.findElement(By.id("counts")).getText())
                .isEqualTo("Lưu mới: 0; đã có từ trước: " + ROLL_SIZE + "; bị từ chối: 0");
        scenario.awaitCaughtUp();
        var roll = operator().get("/api/v1/organizations/" + commune + "/roll").body();
        assertThat(roll.path("subtreeCounts").path("official").asInt()
                + roll.path("subtreeCounts").path("probationary").asInt()).isEqualTo(ROLL_SIZE + 4);
    }

    @Test
    @Order(7)
    void theRollExportsAsXlsxAndCsvWithVietnameseHeaders() throws Exception {
        byte[] xlsx = web.downloadOk("/web/organizations/" + cells[1] + "/roll?format=xlsx");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Họ và tên");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Ngày vào Đảng");
            int members = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                members++;
                assertThat(sheet.getRow(r).getCell(2).getStringCellValue()).isIn("Chính thức", "Dự bị");
            }
            assertThat(members).isEqualTo(expectedInCell(1));
            assertThat(sheet.getRow(1).getCell(3).getLocalDateTimeCellValue().toLocalDate()).isBefore(LocalDate.now());
        }
        String csv = new String(web.downloadOk("/web/organizations/" + cells[1] + "/roll?format=csv"),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFSTT,Họ và tên,Tình trạng,Ngày vào Đảng,Ngày chính thức,Miễn sinh hoạt,Đình chỉ");
        assertThat(csv.lines().count()).isEqualTo(expectedInCell(1) + 1);
    }

    @Test
    @Order(8)
    void theBrowserSessionDoesNotAuthenticateTheApiWhichHasNoCsrfTokens() throws Exception {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(web.base() + "/api/v1/organizations/" + commune + "/meeting-day"))
                .header("Cookie", "JSESSIONID=" + session).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"dayOfMonth\":5,\"occurredOn\":\"2020-01-01\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    @Order(9)
    void theOperatorsPageListsEveryReadModelWithItsLag() throws IOException {
        web.open("/web/ops");
        String page = browser.findElement(By.id("table-processors")).getText();
        assertThat(page).contains("member-roll", "meeting-register", "organization-tree", "task-board");
        web.screenshot("ops");
    }

    @Test
    @Order(9)
    void theOperatorsPageListsTheDeadLettersAPageAtATime() {
        LedgerClient op = operator();
        FailingProjection.broken = true;
        List<String> events = new ArrayList<>();
        List<String> provinces = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                String bad = scenario.establish("PROVINCE", null, null, "Tỉnh FAIL trang web " + i, "2010-01-01");
                provinces.add(bad);
                events.add(jdbc.queryForObject("select eventidentifier from domainevententry where aggregateidentifier "
                        + "= ? and payloadtype like '%OrganizationEstablished'", String.class, bad));
            }
            long total = scenario.awaitGet("/api/v1/ops/dead-letters?size=1000",
                    l -> l.path("items").findValuesAsText("eventIdentifier").containsAll(events)).path("total").asLong();

            web.open("/web/ops?size=2");
            assertThat(browser.findElement(By.cssSelector("#table-dead-letters h2")).getText())
                    .isEqualTo("Sự kiện lỗi đang chờ xử lý lại: 1–2 trên " + total);
            List<String> listed = new ArrayList<>();
            while (true) {
                List<WebElement> rows = browser.findElements(By.cssSelector("#table-dead-letters tbody tr"));
                assertThat(rows).hasSizeBetween(1, 2);
                rows.forEach(r -> listed.add(r.findElements(By.tagName("td")).get(2).getText()));
                if (browser.findElements(By.id("next")).isEmpty()) {
                    break;
                }
                web.clickAndAwaitNewPage(By.id("next"));
            }
            assertThat(listed).hasSize((int) total).doesNotHaveDuplicates().containsAll(events);

            web.open("/web/ops?size=2&page=hai");
            assertThat(browser.findElement(By.id("error-page")).getText()).isEqualTo("Cần nhập một số.");
            assertThat(browser.findElements(By.cssSelector("#table-dead-letters tbody tr"))).as("the first page")
                    .hasSize(2);

            // retried from the page: still failing before the fix, taken after it
            web.open("/web/ops?size=1000");
            web.clickAndAwaitNewPage(By.id("retry-" + events.get(0)));
            assertThat(web.text("retried")).isEqualTo("Sự kiện " + events.get(0)
                    + " vẫn lỗi khi xử lý lại; vẫn nằm trong hàng đợi.");
            assertThat(browser.findElements(By.id("retry-" + events.get(0)))).hasSize(1);
            FailingProjection.broken = false;
            web.clickAndAwaitNewPage(By.id("retry-" + events.get(0)));
            assertThat(web.text("retried")).isEqualTo("Đã xử lý lại sự kiện " + events.get(0)
                    + ": mô hình đọc đã nhận.");
            assertThat(browser.findElements(By.id("retry-" + events.get(0)))).isEmpty();
            assertThat(FailingProjection.seen).contains(provinces.get(0)).doesNotContain(provinces.get(1));
        } finally {
            FailingProjection.broken = false;
            for (String event : events) {
                op.post("/api/v1/ops/dead-letters/" + event + "/retry", "");
            }
        }
    }

    @Test
    @Order(10)
    void aCommunesAttendanceRiskListsTheFlaggedMembersUnlessAskedForEveryAbsence() throws Exception {
        // 2024, extraordinary meetings: apart from this class's other meetings. members[3] is absent without a reason
        // in three months (flagged, P12), members[2] in one.
        LedgerClient op = operator();
        for (String heldOn : List.of("2024-01-10", "2024-04-10", "2024-09-10")) {
            List<Map<String, Object>> attendance = new ArrayList<>();
            for (String member : members) {
                boolean absent = member.equals(members[3]) || member.equals(members[2]) && heldOn.equals("2024-04-10");
                attendance.add(Map.of("memberId", member, "status", absent ? "ABSENT_NO_REASON" : "PRESENT"));
            }
            scenario.ok(op.post("/api/v1/organizations/" + cell + "/meetings", json("held", true, "kind",
                    "EXTRAORDINARY", "heldOn", heldOn, "agenda", List.of("Việc đột xuất"), "attendance", attendance,
                    "durationMinutes", 90)));
        }
        scenario.awaitGet("/api/v1/organizations/" + commune + "/attendance-risk?year=2024",
                r -> r.path("total").asInt() == 2);

        web.open("/web/organizations/" + commune + "/attendance-risk?year=2024");
        assertThat(browser.findElement(By.cssSelector("#table-risk h2")).getText())
                .startsWith("Đảng viên thuộc diện xem xét xóa tên (P12)");
        assertThat(browser.findElements(By.cssSelector("#table-risk tbody tr")))
                .extracting(WebElement::getText).singleElement().asString().startsWith("Cà Thị Lan");
        String everyAbsence = new String(web.downloadOk("/web/organizations/" + commune
                + "/attendance-risk?year=2024&flagged=false&format=csv"), StandardCharsets.UTF_8);
        assertThat(everyAbsence.lines().skip(1)).hasSize(2).anyMatch(l -> l.contains("Lường Văn Minh"));
        web.open("/web/organizations/" + cell + "/attendance-risk?year=2024");
        assertThat(browser.findElements(By.cssSelector("#table-risk tbody tr"))).as("a cell lists every absence")
                .hasSize(2);
        web.screenshot("attendance-risk");
    }

    private void importFile(Path file) {
        web.open("/web/organizations/" + commune + "/roll-import");
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        web.clickAndAwaitNewPage(By.id("import-button"));
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(b -> !b.findElements(By.id("finished")).isEmpty());
        assertThat(browser.findElement(By.id("progress")).getText())
                .isEqualTo("Đã xử lý " + ROLL_SIZE + "/" + ROLL_SIZE + " dòng (100%)");
    }

    /** Members of the generated roll in cell i: rows are dealt to the three cells in turn. */
    private static int expectedInCell(int i) {
        return (ROLL_SIZE + 2 - i) / 3;
    }

    /** A commune's paper roll of {@code size} members dealt to the three cells in turn; with errors, three bad rows. */
    private void writeRoll(Path file, int size, boolean withErrors) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            LocalDate birth = LocalDate.of(1950 + i % 45, 1 + i % 12, 1 + i % 28);
            LocalDate admitted = birth.plusYears(22).plusMonths(i % 7);
            boolean probationary = i % 20 == 0 && i > 0;
            rows.add(List.of(String.valueOf(i + 1), "Lò Văn " + name(i), birth.format(PaperRoll.DAY),
                    i % 2 == 0 ? "Nam" : "Nữ", (probationary ? LocalDate.now().minusMonths(3) : admitted)
                            .format(PaperRoll.DAY),
                    probationary ? "" : admitted.plusYears(1).format(PaperRoll.DAY), cellNames[i % 3]));
        }
        if (withErrors) {
            rows.add(List.of("x", "Nguyễn Văn Sai Ngày", "31/02/1980", "Nam", "01/01/2005", "", cellNames[0]));
            rows.add(List.of("x", "Vì Thị Lạc", "01/01/1980", "Nữ", "01/01/2005", "", "Chi bộ không có"));
            rows.add(List.of("x", "Lò Văn " + name(0), LocalDate.of(1950, 1, 1).format(PaperRoll.DAY), "X",
                    "01/01/1990", "", cellNames[0]));
        }
        PaperRoll.write(file, rows);
    }

    /** Distinct Vietnamese-looking names: Ba, Bình, … with a number where the syllables run out. */
    private static String name(int i) {
        String[] given = {"Ba", "Bình", "Chiến", "Dũng", "Đông", "Hải", "Hùng", "Khánh", "Long", "Mạnh", "Nam",
                "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Xuân"};
        return given[i % given.length] + (i < given.length ? "" : " " + (i / given.length + 1));
    }

    private void tap(WebElement member, String status) {
        member.findElement(By.xpath(".//label[span[text()='" + status + "']]")).click();
        assertThat(member.findElement(By.xpath(".//label[span[text()='" + status + "']]/input")).isSelected()).isTrue();
    }
}
