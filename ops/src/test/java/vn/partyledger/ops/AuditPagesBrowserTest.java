package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.partyledger.verifier.Bundle;
import vn.partyledger.verifier.BundleVerifier;

/**
 * The audit side of the dashboard in a real browser: a newcomer sets up a commune, a cell and a member from the forms
 * on the operator's account; a dossier shows a correction beside the attendance it corrects, and as the ledger stood
 * before it; an inspector verifies a scope against its seal and takes its bundle away, and both reads are recorded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditPagesBrowserTest extends BrowserTestSupport {

    private static final String PROVINCE = "Đảng bộ tỉnh Lai Châu (kiểm tra)";
    private static final String COMMUNE = "Đảng bộ xã Nậm Hàng (kiểm tra)";
    private static final String CELL = "Chi bộ bản Nậm Hàng 1 (kiểm tra)";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private String communeId;
    private String cellId;
    private String memberId;

    @Test
    @Order(1)
    void aNewcomerEstablishesAProvinceACommuneAndACellAndEnrolsAMemberFromTheForms() throws Exception {
        web.logIn(OPERATOR, OPERATOR_PASSWORD);
        web.open("/web/organizations");
        web.clickAndAwaitNewPage(By.id("new-top"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Thành lập đảng bộ cấp cao nhất (tỉnh)");
        assertThat(new Select(browser.findElement(By.id("level"))).getFirstSelectedOption().getText())
                .isEqualTo("Đảng bộ tỉnh");
        web.type("name", PROVINCE);
        web.set("occurredOn", "2004-01-01");
        web.clickAndAwaitNewPage(By.id("save"));
        assertThat(web.text("established")).isEqualTo("Đã thành lập tổ chức đảng.");

        web.clickAndAwaitNewPage(childOf(PROVINCE));
        assertThat(new Select(browser.findElement(By.id("level"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("COMMUNE");
        web.type("name", COMMUNE);
        web.set("occurredOn", "2004-01-01");
        web.clickAndAwaitNewPage(By.id("save"));
        assertThat(web.text("established")).isEqualTo("Đã thành lập tổ chức đảng.");

        // a cell without its type is refused next to that field, in Vietnamese, and what was typed is kept
        web.clickAndAwaitNewPage(childOf(COMMUNE));
        new Select(browser.findElement(By.id("level"))).selectByValue("CELL");
        web.type("name", CELL);
        web.set("occurredOn", "2004-01-01");
        web.clickAndAwaitNewPage(By.id("save"));
        if (browser.findElements(By.id("error-cellType")).isEmpty()) {
            throw new AssertionError("no refusal next to cellType; the page was:\n" + browser.getPageSource());
        }
        assertThat(web.text("error-cellType")).startsWith("Dữ liệu không hợp lệ.").contains("needs a cell type");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(CELL);
        web.screenshot("establish-refused");
        new Select(browser.findElement(By.id("cellType"))).selectByValue("VILLAGE");
        web.clickAndAwaitNewPage(By.id("save"));
        assertThat(web.text("established")).isEqualTo("Đã thành lập tổ chức đảng.");

        communeId = idIn(row(COMMUNE).findElement(By.cssSelector("a.new-child")).getAttribute("href"));
        WebElement enrol = row(CELL).findElement(By.cssSelector("a.enrol"));
        cellId = idIn(enrol.getAttribute("href"));
        web.clickAndAwaitNewPage(enrol);
        web.type("fullName", "Lò Văn Xuân");
        web.set("birthDate", "1975-05-01");
        new Select(browser.findElement(By.id("gender"))).selectByValue("MALE");
        web.type("ethnicity", "Thái");
        web.set("admittedOn", "2000-03-01");
        web.set("officialOn", "2001-03-01");
        web.set("occurredOn", "2019-12-01");
        web.screenshot("enrol-form");
        web.clickAndAwaitNewPage(By.id("save"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hồ sơ đảng viên Lò Văn Xuân");
        memberId = idIn(browser.getCurrentUrl().replace("/web/members/", "/web/organizations/"));
        assertThat(browser.findElement(By.cssSelector("#timeline tr[data-type=ExistingMemberEnrolled]")).getText())
                .contains("Tiếp nhận từ sổ đảng viên: Lò Văn Xuân").contains("01/12/2019").contains("operator");

        // the tree counts the new member once the read models have it (the form's answer waited for them)
        web.open("/web/organizations");
        assertThat(row(COMMUNE).getText()).contains("Đảng bộ xã");
        assertThat(row(CELL).findElements(By.tagName("td")).get(2).getText()).isEqualTo("1");
    }

    @Test
    @Order(2)
    void aCorrectedAttendanceIsShownBesideTheOriginalAndKnownAtBeforeTheCorrectionShowsTheOldStatus() throws Exception {
        LedgerClient op = operator();
        Scenario scenario = new Scenario(op);
        String second = scenario.enrollOfficial(cellId, "Quàng Thị Hoa", "2005-06-01", "2006-06-01");
        String third = scenario.enrollOfficial(cellId, "Lường Văn Minh", "2010-01-10", "2011-01-10");
        scenario.awaitGet("/api/v1/organizations/" + cellId + "/roll", r -> r.path("total").asInt() == 3);
        Map<String, String> statuses = Map.of(memberId, "ABSENT_EXCUSED", second, "PRESENT", third, "PRESENT");
        List<Map<String, Object>> attendance = new ArrayList<>();
        statuses.forEach((member, status) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("memberId", member);
            row.put("status", status);
            if (status.startsWith("ABSENT")) {
                row.put("reason", "đi rẫy xa");
            }
            attendance.add(row);
        });
        LedgerClient.Response meeting = op.post("/api/v1/organizations/" + cellId + "/meetings", Map.of("held", true,
                "kind", "REGULAR", "heldOn", "2025-03-24", "agenda", List.of("Đánh giá kết quả tháng 3"),
                "attendance", attendance, "durationMinutes", 100));
        assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
        // the knownAt picker has whole seconds: the cut is the next whole second, and the correction comes after it
        Instant cut = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().isAfter(cut));

        // from the roll to the member's dossier, then the correction form from the attendance's row
        web.open("/web/organizations/" + cellId + "/roll");
        web.clickAndAwaitNewPage(By.xpath("//a[@class='dossier' and text()='Lò Văn Xuân']"));
        WebElement recorded = browser.findElement(By.cssSelector("#timeline tr[data-type=AttendanceRecorded]"));
        String originalId = recorded.getAttribute("id").substring("fact-".length());
        assertThat(recorded.getText()).contains("Điểm danh đảng viên Lò Văn Xuân: Vắng có lý do")
                .contains("24/03/2025");
        web.clickAndAwaitNewPage(recorded.findElement(By.cssSelector("a.correct")));
        assertThat(web.text("original")).contains("Vắng có lý do");

        // an excused absence without its reason is refused next to the reason, in Vietnamese
        tap("Vắng có lý do");
        web.type("replacement.reason", " ");
        web.type("reason", "biên bản ghi nhầm: đồng chí đến muộn");
        web.type("authority.docNo", "07-NQ/CB");
        web.type("authority.issuer", "Chi bộ bản Nậm Hàng 1");
        web.set("authority.issuedOn", "2025-04-24");
        web.set("occurredOn", "2025-04-24");
        web.clickAndAwaitNewPage(By.id("save"));
        if (browser.findElements(By.id("error-replacement.reason")).isEmpty()) {
            throw new AssertionError("no refusal next to the reason; the page was:\n" + browser.getPageSource());
        }
        assertThat(web.text("error-replacement.reason")).startsWith("Dữ liệu không hợp lệ.");
        assertThat(browser.findElement(By.id("reason")).getAttribute("value"))
                .isEqualTo("biên bản ghi nhầm: đồng chí đến muộn");

        tap("Đến muộn");
        web.clickAndAwaitNewPage(By.id("save"));
        assertThat(web.text("corrected")).startsWith("Đã ghi đính chính");
        WebElement sideBySide = browser.findElement(By.id("corrections-" + originalId));
        assertThat(sideBySide.findElement(By.cssSelector("td.original")).getText()).contains("Vắng có lý do");
        assertThat(sideBySide.findElement(By.cssSelector("td.replacement")).getText()).contains("Đến muộn");
        assertThat(sideBySide.findElement(By.cssSelector("td.reason")).getText())
                .isEqualTo("biên bản ghi nhầm: đồng chí đến muộn");
        assertThat(sideBySide.findElement(By.cssSelector("td.approver")).getText())
                .isEqualTo("07-NQ/CB, Chi bộ bản Nậm Hàng 1, 24/04/2025");
        WebElement correction = browser.findElement(By.cssSelector("#timeline tr[data-type=AttendanceCorrected]"));
        assertThat(correction.getText()).contains("Đính chính cho: Điểm danh").contains("Đến muộn");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "window.scrollTo(0, document.getElementById('timeline').offsetTop - 10)");
        web.screenshot("dossier");

        // as the ledger stood before the correction: the old status only
        web.set("knownAt", LocalDateTime.ofInstant(cut, VIETNAM).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        web.clickAndAwaitNewPage(By.id("show"));
        assertThat(browser.getCurrentUrl()).contains("knownAt=");
        assertThat(browser.findElement(By.id("knownAt")).getAttribute("value")).isNotEmpty();
        assertThat(web.absent(By.cssSelector("#timeline tr[data-type=AttendanceCorrected]"))).isTrue();
        assertThat(web.absent(By.id("corrections-" + originalId))).isTrue();
        assertThat(browser.findElement(By.id("fact-" + originalId)).getText()).contains("Vắng có lý do");
        web.set("knownAt", "");

        // only attendance, exported as a spreadsheet with the correction beside the original
        new Select(browser.findElement(By.id("types"))).selectByValue("AttendanceRecorded");
        web.clickAndAwaitNewPage(By.id("show"));
        assertThat(browser.getCurrentUrl()).contains("types=");
        assertThat(browser.findElements(By.cssSelector("#timeline tbody > tr[data-type]")))
                .extracting(r -> r.getAttribute("data-type")).containsExactly("AttendanceRecorded");
        HttpResponse<byte[]> xlsx = web.download("/web/members/" + memberId + "/dossier?format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("Đính chính cho");
            assertThat(header.getCell(9).getStringCellValue()).isEqualTo("Được đính chính bởi");
            List<String> corrections = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                corrections.add(sheet.getRow(r).getCell(9).getStringCellValue());
            }
            assertThat(corrections).anySatisfy(c -> assertThat(c).contains("Lò Văn Xuân: Đến muộn")
                    .contains("07-NQ/CB"));
            assertThat(sheet.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(java.time.LocalDate.of(2019, 12, 1));
        }
    }

    @Test
    @Order(3)
    void anInspectorVerifiesAScopeAgainstItsSealAndTakesItsBundleAwayAndBothReadsAreRecorded() throws Exception {
        LedgerClient op = operator();
        LedgerClient.Response user = op.post("/api/v1/users", Map.of("username", "ubkt.namhang",
                "password", "Kiem-tra-Nam-Hang-2025", "fullName", "UBKT Đảng ủy xã Nậm Hàng",
                "grants", List.of(Map.of("role", "INSPECTOR", "organizationId", communeId))));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        LedgerClient.Response sealed = op.post("/api/v1/ledger/seals", "");
        assertThat(sealed.status()).as(sealed.toString()).isEqualTo(201);
        JsonNode seal = sealed.body();

        web.logOut();
        web.logIn("ubkt.namhang", "Kiem-tra-Nam-Hang-2025");
        web.open("/web/organizations");
        web.clickAndAwaitNewPage(row(CELL).findElement(By.xpath(".//a[text()='Kiểm tra toàn vẹn']")));
        assertThat(web.text("verdict")).startsWith("Toàn vẹn:");
        assertThat(web.text("seal-no")).isEqualTo(seal.path("sealNo").asText());
        assertThat(web.text("spoken-digest")).isEqualTo(seal.path("spokenDigest").asText());
        web.screenshot("verification");

        HttpResponse<byte[]> zip = web.download("/web/organizations/" + cellId + "/bundle");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        BundleVerifier.Report report = BundleVerifier.verify(Bundle.read(new ByteArrayInputStream(zip.body())));
        assertThat(report.ok()).as(String.valueOf(report.finding())).isTrue();

        HttpResponse<byte[]> backwards = web.download("/web/organizations/" + cellId + "/bundle?from=2025-02-01&to=2025-01-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(new String(backwards.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("id=\"error-to\"").contains("Đến ngày phải sau từ ngày.");

        // an inspector reads; the correction form is not offered
        web.open("/web/members/" + memberId + "/dossier");
        assertThat(browser.findElements(By.cssSelector("#timeline tr[data-type]"))).isNotEmpty();
        assertThat(web.absent(By.cssSelector("a.correct"))).isTrue();
        HttpResponse<byte[]> refused = web.download("/web/events/"
                + browser.findElement(By.cssSelector("#timeline tr[data-type=AttendanceRecorded]")).getAttribute("id")
                .substring("fact-".length()) + "/correction");
        assertThat(refused.statusCode()).isEqualTo(403);

        JsonNode reads = new Scenario(op).awaitGet("/api/v1/organizations/" + cellId + "/record-reads",
                r -> r.path("items").size() >= 2);
        assertThat(reads.path("items")).extracting(i -> i.path("fact").path("record").asText())
                .contains("BUNDLE", "MEMBER_DOSSIER");
        assertThat(reads.path("items")).allSatisfy(i -> assertThat(i.path("actor").path("username").asText())
                .isEqualTo("ubkt.namhang"));
    }

    @Test
    @Order(4)
    void aBadDateInAPickerIsShownNextToItAndTheRestOfTheHistoryStillReads() throws Exception {
        web.open("/web/organizations/" + communeId + "/history?subtree=true&from=2025-31-01");
        assertThat(web.text("error-from")).isEqualTo("Ngày không hợp lệ.");
        assertThat(browser.findElements(By.cssSelector("#timeline tr[data-type=OrganizationEstablished]")))
                .hasSizeGreaterThanOrEqualTo(2);
        HttpResponse<byte[]> csv = web.download("/web/organizations/" + communeId + "/history?subtree=true&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFSTT,Ngày,Ghi vào sổ lúc,Người ghi,Căn cứ,Loại,Nội dung");
        assertThat(text).contains(CELL);
    }

    private WebElement row(String name) {
        return browser.findElement(By.xpath("//table[@id='tree']//tr[td/a[text()='" + name + "']]"));
    }

    private WebElement childOf(String name) {
        return row(name).findElement(By.cssSelector("a.new-child"));
    }

    /** The id after {@code /web/organizations/} in a page's address. */
    private static String idIn(String url) {
        String rest = url.substring(url.indexOf("/web/organizations/") + "/web/organizations/".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    private void tap(String status) {
        browser.findElement(By.xpath("//label[span[text()='" + status + "']]")).click();
    }
}
