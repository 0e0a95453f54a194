package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import vn.partyledger.api.rating.OpenRating;
import vn.partyledger.api.rating.OpenRatingRound;
import vn.partyledger.api.rules.rating.RatingSubject;

/**
 * The ratings side of the dashboard in headless Chromium, in the order of the Na Tông walk-through: the December round
 * opened from the form, the roll put on it, a member decided before their self-review refused next to the row, the
 * cell secretary entering every self-review and the cell's proposals from the cell's page (a vote refused next to its
 * field), a residence comment, an appraisal from the round's page, a decision over the list refused by R3 in
 * Vietnamese next to the row at fault and then stored on an overriding authority, the distribution with its chart and quota per decision scope, the
 * congress targets entered from the form and judged on AE4's figures, and the tables exported and read back with POI.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RatingPagesBrowserTest extends BrowserTestSupport {

    private static final int YEAR = 2025;
    private static final String[] NAMES = {"Lò Văn Xuân", "Quàng Thị Hoa", "Lường Văn Minh", "Cà Thị Lan",
            "Điêu Văn Hùng", "Tòng Thị Mai", "Lò Thị Sen"};
    /** The first two propose EXCELLENT for themselves: 2 of 5 GOOD is more than the 20% R3 allows. */
    private static final int PROPOSING_EXCELLENT = 2;
    private static final int MEMBERS = 30;
    private static final int GOOD_MEMBERS = 27;
    /** The member whose self-review is entered with the cell's resolution as its authority. */
    private static final int WITH_AUTHORITY = 2;

    private Scenario scenario;
    private LedgerClient op;
    private String commune;
    private String cell;
    private final List<String> members = new ArrayList<>();
    private String round;

    @BeforeAll
    void establishCommuneAndLogIn() {
        op = operator();
        scenario = new Scenario(op);
        String province = scenario.establish("PROVINCE", null, null, "Đảng bộ tỉnh Điện Biên", "2004-01-01");
        commune = scenario.establish("COMMUNE", null, province, "Đảng bộ xã Na Tông (xếp loại)", "2004-01-01");
        cell = scenario.establish("CELL", "VILLAGE", commune, "Chi bộ bản Na Tông 1", "2004-01-01");
        for (String name : NAMES) {
            members.add(scenario.enrollOfficial(cell, name, "2000-03-01", "2001-03-01"));
        }
        round = OpenRatingRound.idOf(commune, YEAR);
        scenario.awaitGet("/api/v1/organizations/" + cell + "/roll", r -> r.path("total").asInt() == NAMES.length);
        web.logIn(OPERATOR, OPERATOR_PASSWORD);
    }

    @Test
    @Order(1)
    void theCommuneCommitteeOpensItsRoundAndPutsTheRollOnItFromTheTree() throws Exception {
        web.open("/web/organizations");
        WebElement row = browser.findElement(By.xpath("//tr[td/a[text()='Đảng bộ xã Na Tông (xếp loại)']]"));
        web.clickAndAwaitNewPage(row.findElement(By.linkText("Đợt đánh giá cuối năm")));

        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Mở đợt đánh giá, xếp loại cuối năm: Đảng bộ xã Na Tông (xếp loại)");
        WebElement year = browser.findElement(By.id("year"));
        year.clear();
        year.sendKeys(String.valueOf(YEAR));
        web.setValue(browser.findElement(By.id("occurredOn")), YEAR + "-12-01");
        // the commune's plan for the year-end review, as the opening's authority
        web.type("authority.docNo", "10-KH/ĐU");
        web.type("authority.issuer", "Đảng ủy xã Na Tông");
        web.set("authority.issuedOn", YEAR + "-11-20");
        web.clickAndAwaitNewPage(By.id("open-round"));

        assertThat(browser.findElement(By.id("opened")).getText()).isEqualTo("Đã mở đợt đánh giá.");
        JsonNode opened = scenario.awaitGet("/api/v1/organizations/" + commune + "/history?types=RatingRoundOpened",
                h -> h.path("total").asInt() == 1).path("items").get(0);
        assertThat(opened.path("authority").path("docNo").asText()).isEqualTo("10-KH/ĐU");
        assertThat(opened.path("authority").path("issuedOn").asText()).isEqualTo(YEAR + "-11-20");
        assertThat(browser.findElement(By.id("rule-set")).getText()).startsWith("Quy định áp dụng: QD366-2025");
        web.clickAndAwaitNewPage(By.id("add-MEMBER"));

        List<WebElement> candidates = browser.findElements(By.cssSelector("#candidates tbody tr"));
        assertThat(candidates).hasSize(NAMES.length);
        assertThat(candidates).allSatisfy(c -> assertThat(c.findElement(By.className("pick")).isSelected()).isTrue());
        assertThat(candidates).allSatisfy(c -> assertThat(c.getText()).contains("Chi bộ bản Na Tông 1"));
        web.setValue(browser.findElement(By.id("occurredOn")), YEAR + "-12-02");

        // The connection dropped after the first submission: the browser sends the same form again.
        List<String> landed = web.submitTwice("subjects-form");
        assertThat(landed.get(0)).contains("/web/rating-rounds/" + round + "?added=7&already=0");
        assertThat(landed.get(1)).contains("?added=0&already=7");
        browser.get(landed.get(0));
        assertThat(browser.findElement(By.id("added")).getText()).isEqualTo("Đã đưa vào đợt: 7; đã có từ trước: 0.");
        assertThat(browser.findElements(By.cssSelector("#decision-list tbody tr"))).hasSize(NAMES.length);
        web.open("/web/rating-rounds/" + round + "/subjects?subject=MEMBER");
        assertThat(browser.findElements(By.cssSelector("#candidates .pick:disabled"))).hasSize(NAMES.length);
    }

    @Test
    @Order(2)
    void decidingAMemberBeforeTheirSelfReviewIsRefusedInVietnameseNextToTheRowAndNothingIsStored() throws Exception {
        web.open("/web/rating-rounds/" + round);
        assertThat(rowOf(NAMES[0]).findElement(By.className("step-status")).getText()).isEqualTo("Chờ tự kiểm điểm");
        assertThat(rowOf(NAMES[0]).findElement(By.className("step-self-review")).getText()).isEqualTo("Tự kiểm điểm");
        assertThat(levelOf(NAMES[0]).getFirstSelectedOption().getAttribute("value")).isEmpty();
        levelOf(NAMES[0]).selectByValue("GOOD");
        browser.findElement(By.id("decisionNo")).sendKeys("44-QĐ/ĐU");
        web.setValue(browser.findElement(By.id("occurredOn")), YEAR + "-12-04");
        web.clickAndAwaitNewPage(By.id("decide"));

        List<WebElement> refused = browser.findElements(By.cssSelector("#decision-list tr.refused"));
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).getText()).contains(NAMES[0]);
        assertThat(refused.get(0).findElement(By.cssSelector("p.error")).getText()).startsWith(
                "Không được chấp nhận theo quy tắc R-ORDER (trình tự đánh giá). Căn cứ: QĐ 124-QĐ/TW");
        scenario.awaitCaughtUp();
        assertThat(op.get("/api/v1/members/" + members.get(0) + "/ratings").body().path("ratings").path(0)
                .path("state").asText()).isEqualTo("OPEN");
    }

    @Test
    @Order(3)
    void theCellSecretaryEntersEachSelfReviewAndTheCellsProposalsFromTheCellsPage() throws Exception {
        LedgerClient.Response user = op.post("/api/v1/users", Map.of("username", "bithu.natong1",
                "password", "Bi-thu-Na-Tong-1-2025", "fullName", "Bí thư chi bộ bản Na Tông 1",
                "grants", List.of(Map.of("role", "CELL_SECRETARY", "organizationId", cell))));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        web.logOut();
        web.logIn("bithu.natong1", "Bi-thu-Na-Tong-1-2025");
        web.open("/web/organizations");
        web.clickAndAwaitNewPage(browser.findElement(By.xpath("//tr[td/a[text()='Chi bộ bản Na Tông 1']]"))
                .findElement(By.linkText("Đánh giá, xếp loại đảng viên")));
        web.type("year", String.valueOf(YEAR));
        web.clickAndAwaitNewPage(By.cssSelector("form.picker button"));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Đánh giá, xếp loại năm 2025: Chi bộ bản Na Tông 1");
        assertThat(browser.findElements(By.cssSelector("#cell-ratings tbody tr"))).hasSize(NAMES.length);
        // the appraisal is the deciding body's step: a cell secretary is not offered it
        assertThat(web.absent(By.cssSelector("#cell-ratings .step-appraisal"))).isTrue();

        // each member's paper self-review, typed in; the first two propose EXCELLENT for themselves
        for (int i = 0; i < NAMES.length; i++) {
            boolean excellent = i < PROPOSING_EXCELLENT;
            web.clickAndAwaitNewPage(cellRowOf(NAMES[i]).findElement(By.className("step-self-review")));
            assertThat(browser.findElement(By.id("step-title")).getText()).isEqualTo("Tự kiểm điểm: " + NAMES[i]);
            new Select(browser.findElement(By.id("proposedLevel"))).selectByValue(excellent ? "EXCELLENT" : "GOOD");
            web.type("score.general", excellent ? "28" : "27");
            web.type("score.tasks", excellent ? "64" : "60");
            web.type("summary", "Bản tự kiểm điểm năm " + YEAR);
            web.set("occurredOn", YEAR + "-12-05");
            if (i == WITH_AUTHORITY) {
                // the cell's resolution the self-reviews were done under, typed without its number: refused next to
                // the number, as the API refuses an authority without docNo, what was typed kept and nothing stored
                web.type("authority.issuer", "Chi bộ bản Na Tông 1");
                web.set("authority.issuedOn", YEAR + "-11-28");
                web.clickAndAwaitNewPage(By.id("save-step"));
                assertThat(web.text("error-authority.docNo")).isEqualTo("Cần nhập trường này.");
                assertThat(browser.findElement(By.id("authority.issuer")).getAttribute("value"))
                        .isEqualTo("Chi bộ bản Na Tông 1");
                assertThat(browser.findElement(By.id("summary")).getAttribute("value"))
                        .isEqualTo("Bản tự kiểm điểm năm " + YEAR);
                scenario.awaitCaughtUp();
                assertThat(selfReviews().path("items")).noneMatch(f -> f.path("fact").path("ratingId").asText()
                        .equals(ratingOf(WITH_AUTHORITY)));
                web.type("authority.docNo", "03-NQ/CB");
                web.clickAndAwaitNewPage(By.id("save-step"));
            } else {
                web.clickAndAwaitNewPage(By.id("save-step"));
            }
            if (browser.findElements(By.id("saved")).isEmpty()) {
                throw new AssertionError("not saved; the page was:\n" + browser.getPageSource());
            }
            assertThat(web.text("saved")).isEqualTo("Đã lưu: Tự kiểm điểm — " + NAMES[i] + ".");
            assertThat(cellRowOf(NAMES[i]).findElement(By.className("step-status")).getText())
                    .isEqualTo("Chờ chi bộ nhận xét, đề xuất");
        }

        // the authority typed on the form is the fact's, as the API's "authority" is
        JsonNode withAuthority = InspectorViewTest.find(scenario.awaitGet("/api/v1/organizations/" + cell
                        + "/history?types=SelfReviewSubmitted", h -> h.path("total").asInt() == NAMES.length),
                "SelfReviewSubmitted", f -> f.path("ratingId").asText().equals(ratingOf(WITH_AUTHORITY)));
        assertThat(withAuthority.path("authority").path("docNo").asText()).isEqualTo("03-NQ/CB");
        assertThat(withAuthority.path("authority").path("issuer").asText()).isEqualTo("Chi bộ bản Na Tông 1");
        assertThat(withAuthority.path("authority").path("issuedOn").asText()).isEqualTo(YEAR + "-11-28");

        // the cell's meeting: each proposal starts at the level the member proposed; a vote with more hands than
        // members present is the command side's to refuse, next to the vote
        for (int i = 0; i < NAMES.length; i++) {
            web.clickAndAwaitNewPage(cellRowOf(NAMES[i]).findElement(By.className("step-cell-review")));
            assertThat(new Select(browser.findElement(By.id("proposedLevel"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo(i < PROPOSING_EXCELLENT ? "EXCELLENT" : "GOOD");
            web.type("comments", "Chi bộ nhất trí với bản tự kiểm điểm");
            web.type("vote.present", "7");
            web.type("vote.approving", i == 0 ? "8" : "7");
            web.type("vote.against", "0");
            web.set("occurredOn", YEAR + "-12-10");
            web.clickAndAwaitNewPage(By.id("save-step"));
            if (i == 0) {
                assertThat(web.text("error-vote"))
                        .isEqualTo("Dữ liệu không hợp lệ. Chi tiết: more votes than members present");
                assertThat(browser.findElement(By.id("comments")).getAttribute("value"))
                        .isEqualTo("Chi bộ nhất trí với bản tự kiểm điểm");
                web.script("arguments[0].scrollIntoView()", browser.findElement(By.id("error-vote")));
                web.screenshot("rating-cell-review-refused");
                web.type("vote.approving", "7");
                web.clickAndAwaitNewPage(By.id("save-step"));
            }
            assertThat(web.text("saved"))
                    .isEqualTo("Đã lưu: Chi bộ nhận xét, đề xuất — " + NAMES[i] + ".");
            assertThat(cellRowOf(NAMES[i]).findElement(By.className("step-status")).getText())
                    .isEqualTo("Có thể quyết định");
        }

        // a member who works elsewhere: the residence cell's comment
        web.clickAndAwaitNewPage(cellRowOf(NAMES[3]).findElement(By.className("step-residence-comment")));
        web.type("residenceOrganization", "Chi bộ tổ dân phố 2, phường Him Lam");
        web.type("comment", "Gương mẫu nơi cư trú");
        web.set("occurredOn", YEAR + "-12-08");
        web.clickAndAwaitNewPage(By.id("save-step"));
        assertThat(web.text("saved")).isEqualTo("Đã lưu: Ý kiến nơi cư trú — " + NAMES[3] + ".");
        web.screenshot("rating-cell-steps");

        // the round itself is the commune committee's: the cell secretary may not open it
        web.open("/web/rating-rounds/" + round);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không có quyền xem trang này");
        web.open("/web/organizations");
        web.logOut();
        web.logIn(OPERATOR, OPERATOR_PASSWORD);
    }

    /** The cell's self-reviews as its history has them. */
    private JsonNode selfReviews() {
        return op.get("/api/v1/organizations/" + cell + "/history?types=SelfReviewSubmitted").body();
    }

    private String ratingOf(int member) {
        return OpenRating.idOf(round, RatingSubject.MEMBER, members.get(member));
    }

    @Test
    @Order(4)
    void aDecisionOverTheQuotaIsRefusedInVietnameseNextToTheRowAndStoredOnAnOverridingAuthority() throws Exception {
        // the commune's organisation board appraises one proposal, lowering it, from the round's page
        web.open("/web/rating-rounds/" + round);
        assertThat(rowOf(NAMES[1]).findElement(By.className("step-status")).getText()).isEqualTo("Có thể quyết định");
        web.clickAndAwaitNewPage(rowOf(NAMES[1]).findElement(By.className("step-appraisal")));
        assertThat(browser.findElement(By.id("step-so-far")).getText()).isEqualTo("Đến nay: tự nhận Hoàn thành xuất "
                + "sắc nhiệm vụ; chi bộ đề xuất Hoàn thành xuất sắc nhiệm vụ; thẩm định —.");
        new Select(browser.findElement(By.id("proposedLevel"))).selectByValue("GOOD");
        web.type("remarks", "Chưa đủ căn cứ xếp loại hoàn thành xuất sắc");
        web.set("occurredOn", YEAR + "-12-15");
        web.clickAndAwaitNewPage(By.id("save-step"));
        assertThat(web.text("saved")).isEqualTo("Đã lưu: Thẩm định — " + NAMES[1] + ".");
        assertThat(rowOf(NAMES[1]).getText()).contains("Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ");
        // the list starts at the appraised level; the committee, not bound by it, keeps the cell's EXCELLENT
        assertThat(levelOf(NAMES[1]).getFirstSelectedOption().getAttribute("value")).isEqualTo("GOOD");
        levelOf(NAMES[1]).selectByValue("EXCELLENT");

        assertThat(levelOf(NAMES[0]).getFirstSelectedOption().getText()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
        assertThat(levelOf(NAMES[2]).getFirstSelectedOption().getText()).isEqualTo("Hoàn thành tốt nhiệm vụ");
        browser.findElement(By.id("decisionNo")).sendKeys("45-QĐ/ĐU");
        web.setValue(browser.findElement(By.id("occurredOn")), YEAR + "-12-20");
        web.clickAndAwaitNewPage(By.id("decide"));

        List<WebElement> refused = browser.findElements(By.cssSelector("#decision-list tr.refused"));
        if (refused.isEmpty()) {
            throw new AssertionError("no refused row; the page was:\n" + browser.getPageSource());
        }
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).getText()).containsAnyOf(NAMES[0], NAMES[1]);
        assertThat(refused.get(0).findElement(By.cssSelector("p.error")).getText())
                .contains("Không được chấp nhận theo quy tắc R3 (số HTXS không quá 20% số HTT). Căn cứ: QĐ 366-QĐ/TW");
        // what the committee chose and typed is kept
        assertThat(levelOf(NAMES[1]).getFirstSelectedOption().getText()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
        assertThat(browser.findElement(By.id("decisionNo")).getAttribute("value")).isEqualTo("45-QĐ/ĐU");
        web.script("arguments[0].scrollIntoView()", refused.get(0));
        web.screenshot("rating-decision-refused");
        scenario.awaitCaughtUp();
        assertThat(op.get("/api/v1/members/" + members.get(0) + "/ratings").body().path("ratings").path(0)
                .path("state").asText()).isEqualTo("OPEN");

        browser.findElement(By.id("overrideDocNo")).sendKeys("05-CV/HU");
        browser.findElement(By.id("overrideIssuer")).sendKeys("Huyện ủy Điện Biên");
        web.setValue(browser.findElement(By.id("overrideIssuedOn")), YEAR + "-12-18");
        // the plan the round follows, as the decision's authority
        web.type("authority.docNo", "12-KH/ĐU");
        web.type("authority.issuer", "Đảng ủy xã Na Tông");
        web.clickAndAwaitNewPage(By.id("decide"));

        assertThat(browser.findElement(By.id("decided")).getText()).isEqualTo("Đã lưu quyết định cho 7 trường hợp.");
        assertThat(browser.findElements(By.cssSelector("#decision-list td.decided"))).hasSize(NAMES.length);
        assertThat(rowOf(NAMES[0]).getText()).contains("Hoàn thành xuất sắc nhiệm vụ", "45-QĐ/ĐU",
                "vượt tỷ lệ theo 05-CV/HU");
        // nothing is left to decide: the decision fields are gone (asked of the page, not waited for)
        assertThat(web.script("return document.getElementById('decide') === null")).isEqualTo(true);
        JsonNode decided = scenario.awaitGet("/api/v1/organizations/" + cell + "/history?types=RatingDecided",
                h -> h.path("total").asInt() == NAMES.length);
        assertThat(decided.path("items")).allSatisfy(f -> {
            assertThat(f.path("authority").path("docNo").asText()).isEqualTo("12-KH/ĐU");
            assertThat(f.path("authority").path("issuer").asText()).isEqualTo("Đảng ủy xã Na Tông");
        });
    }

    @Test
    @Order(5)
    void theDistributionShowsCountsSharesAChartAndTheQuotaOfItsDecisionScope() throws Exception {
        web.open("/web/organizations/" + commune + "/rating-distribution?year=" + YEAR + "&subject=MEMBER");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> "true".equals(b.findElement(By.id("chart")).getAttribute("data-drawn")));
        @SuppressWarnings("unchecked")
        List<Number> bars = (List<Number>) web.script(
                "return Chart.getChart(document.getElementById('chart')).data.datasets[0].data");
        assertThat(bars).extracting(Number::intValue).containsExactly(2, 5, 0, 0);
        assertThat(browser.findElement(By.id("summary")).getText()).startsWith("Được đánh giá: 7; đã có quyết định: 7");
        List<WebElement> levels = browser.findElements(By.cssSelector("#table-levels tbody tr"));
        assertThat(levels).extracting(WebElement::getText).containsExactly(
                "Hoàn thành xuất sắc nhiệm vụ 2 28.6%", "Hoàn thành tốt nhiệm vụ 5 71.4%",
                "Hoàn thành nhiệm vụ 0 0.0%", "Không hoàn thành nhiệm vụ 0 0.0%", "Tổng số được đánh giá 7 100.0%");
        String quota = browser.findElement(By.cssSelector("#table-quota tbody tr")).getText();
        assertThat(quota).contains("Đảng bộ xã Na Tông (xếp loại)", "QD366-2025", "Vượt 20%",
                "05-CV/HU (Huyện ủy Điện Biên, 18/12/2025)");
        web.screenshot("rating-distribution");

        // on paper: no menus, pickers, forms or export links; the chart and the tables stay
        web.printMedia();
        try {
            assertThat(browser.findElement(By.tagName("nav")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector("form.picker")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("xlsx-levels")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("chart")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("table-quota")).isDisplayed()).isTrue();
            web.screenshot("rating-distribution-print");
        } finally {
            web.screenMedia();
        }

        // as of the day before the decision: rated, not yet decided; the exports read the same axes
        web.setValue(browser.findElement(By.id("asOf")), YEAR + "-12-19");
        web.clickAndAwaitNewPage(By.id("show"));
        assertThat(browser.findElement(By.id("summary")).getText())
                .startsWith("Được đánh giá: 7; đã có quyết định: 0; chưa báo cáo mức: 7");
        assertThat(browser.findElement(By.id("axes")).getText()).startsWith("Đúng vào ngày: " + YEAR + "-12-19");
        String csvHref = browser.findElement(By.id("csv-levels")).getAttribute("href");
        assertThat(csvHref).contains("asOf=" + YEAR + "-12-19");
        String before = new String(web.downloadOk(csvHref.substring(csvHref.indexOf("/web/"))),
                StandardCharsets.UTF_8);
        assertThat(before).contains("Hoàn thành xuất sắc nhiệm vụ,0,", "Hoàn thành tốt nhiệm vụ,0,");
        // as recorded by an instant before any of this was entered: nobody is rated yet
        web.open("/web/organizations/" + commune + "/rating-distribution?year=" + YEAR + "&subject=MEMBER");
        web.setValue(browser.findElement(By.id("knownAt")), YEAR + "-12-01T00:00:00");
        web.clickAndAwaitNewPage(By.id("show"));
        assertThat(browser.findElement(By.id("summary")).getText()).startsWith("Được đánh giá: 0; đã có quyết định: 0");
        assertThat(browser.findElement(By.id("knownAt")).getAttribute("value")).startsWith(YEAR + "-12-01T00:00");
        // a time that means nothing is shown next to its field and left out of the read
        web.open("/web/organizations/" + commune + "/rating-distribution?year=" + YEAR
                + "&subject=MEMBER&knownAt=yesterday");
        assertThat(browser.findElement(By.id("error-knownAt")).getText()).isEqualTo("Thời điểm không hợp lệ.");
        assertThat(browser.findElement(By.id("summary")).getText()).startsWith("Được đánh giá: 7; đã có quyết định: 7");

        web.open("/web/organizations/" + commune + "/rating-distribution?year=" + YEAR + "&lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Ratings of members, Đảng bộ xã Na Tông (xếp loại), 2025");
        assertThat(browser.findElement(By.cssSelector("#table-quota tbody tr")).getText()).contains("Over 20%");
        web.open("/web/organizations/" + commune + "/rating-distribution?year=" + YEAR + "&lang=vi");

        web.open("/web/members/" + members.get(0) + "/ratings");
        String history = browser.findElement(By.cssSelector("#table-ratings tbody tr")).getText();
        assertThat(history).contains("2025", "QD366-2025", "Hoàn thành xuất sắc nhiệm vụ", "45-QĐ/ĐU",
                "Đã quyết định", "R3 (số HTXS không quá 20% số HTT)");
    }

    @Test
    @Order(6)
    void naTongsCongressTargetsEnteredFromTheFormAreJudgedOnAE4sFigures() throws Exception {
        // AE4's targets and its 16 cells: 14 GOOD meets "≥ 85%" (87.50%). Its 137 members are RatingsTest's to seed
        // (123 of them miss "> 90%" there); here 27 of 30 members GOOD is exactly 90.00%, and "more than" misses it.
        String province = scenario.establish("PROVINCE", null, null, "Đảng bộ tỉnh Điện Biên (AE4)", "2004-01-01");
        String naTong = scenario.establish("COMMUNE", null, province, "Đảng bộ xã Na Tông (AE4)", "2004-01-01");
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            cells.add(scenario.establish("CELL", i < 11 ? "VILLAGE" : i < 15 ? "SCHOOL" : "HEALTH_STATION", naTong,
                    "Chi bộ " + (i + 1), "2004-01-01"));
        }
        List<String> roll = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            roll.add(scenario.enrollOfficial(cells.get(i % 16), "Đảng viên " + (i + 1), "2000-03-01", "2001-03-01"));
        }
        String naTongRound = RatingsTest.openRound(op, naTong, YEAR, YEAR + "-12-01");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            rows.add(RatingsTest.row(ratedWithSelfReview(naTongRound, "CELL", cells.get(i)), i < 14 ? "GOOD"
                    : "COMPLETED"));
        }
        for (int i = 0; i < MEMBERS; i++) {
            rows.add(RatingsTest.row(ratedWithSelfReview(naTongRound, "MEMBER", roll.get(i)), i < GOOD_MEMBERS
                    ? "GOOD" : "COMPLETED"));
        }
        scenario.ok(RatingsTest.decide(op, naTongRound, "12-QĐ/ĐU", rows, null, YEAR + "-12-20"));
        scenario.awaitGet("/api/v1/organizations/" + naTong + "/rating-distribution?year=" + YEAR + "&subject=MEMBER",
                d -> d.path("decided").asInt() == MEMBERS);

        web.open("/web/organizations/" + naTong + "/target-compliance?term=2025-2030");
        assertThat(browser.findElement(By.id("no-targets")).getText()).isEqualTo("Chưa nhập chỉ tiêu cho nhiệm kỳ này.");
        target(0, "≥ 85% chi bộ HTT trở lên", "CELL", "AT_LEAST", "85");
        target(1, "> 90% đảng viên HTT trở lên", "MEMBER", "MORE_THAN", "90");
        // a resolution dated tomorrow is refused, as the API refuses it, and what was typed stays
        web.setValue(browser.findElement(By.id("occurredOn")), java.time.LocalDate.now().plusDays(2).toString());
        web.clickAndAwaitNewPage(By.id("save-targets"));
        assertThat(browser.findElement(By.id("error-occurredOn")).getText()).isEqualTo("Ngày không được ở tương lai.");
        assertThat(browser.findElement(By.id("label_1")).getAttribute("value")).isEqualTo("> 90% đảng viên HTT trở lên");
        web.setValue(browser.findElement(By.id("occurredOn")), "2025-08-15");
        web.clickAndAwaitNewPage(By.id("save-targets"));

        assertThat(browser.findElement(By.id("saved")).getText()).isEqualTo("Đã lưu chỉ tiêu.");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(b -> "true".equals(b.findElement(By.id("chart")).getAttribute("data-drawn")));
        List<WebElement> results = browser.findElements(By.cssSelector("#table-compliance tbody tr"));
        assertThat(results.get(0).getText()).isEqualTo("2025 ≥ 85% chi bộ HTT trở lên 16 14 87.50% Đạt");
        assertThat(results.get(1).getText()).isEqualTo("2025 > 90% đảng viên HTT trở lên 30 27 90.00% Không đạt");
        @SuppressWarnings("unchecked")
        List<Number> cellBars = (List<Number>) web.script(
                "return Chart.getChart(document.getElementById('chart')).data.datasets[0].data");
        assertThat(cellBars.get(0).doubleValue()).isEqualTo(87.5);
        web.screenshot("target-compliance");
        assertThat(web.firstLoadBytes()).as("a chart page with Chart.js from its webjar").isLessThan(400_000);

        // the compliance table and the distribution as spreadsheets, read back with the same library
        byte[] xlsx = web.downloadOk("/web/organizations/" + naTong
                + "/target-compliance?term=2025-2030&format=xlsx&table=compliance");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Năm");
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("Kết quả");
            Row members = sheet.getRow(2);
            assertThat(members.getCell(0).getNumericCellValue()).isEqualTo(YEAR);
            assertThat(members.getCell(2).getNumericCellValue()).isEqualTo(MEMBERS);
            assertThat(members.getCell(3).getNumericCellValue()).isEqualTo(GOOD_MEMBERS);
            assertThat(members.getCell(4).getStringCellValue()).isEqualTo("90.00%");
            assertThat(members.getCell(5).getStringCellValue()).isEqualTo("Không đạt");
        }
        byte[] distribution = web.downloadOk("/web/organizations/" + naTong + "/rating-distribution?year=" + YEAR
                + "&subject=CELL&format=xlsx&table=levels");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(distribution))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mức xếp loại");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Hoàn thành tốt nhiệm vụ");
            assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(14);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Hoàn thành nhiệm vụ");
            assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("12.5%");
        }
        String csv = new String(web.downloadOk("/web/organizations/" + naTong + "/rating-distribution?year="
                + YEAR + "&subject=MEMBER&rounding=TRUNCATE&format=csv&table=levels"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFMức xếp loại,Số lượng,Tỷ lệ")
                .contains("Hoàn thành tốt nhiệm vụ,27,90.0%", "Hoàn thành nhiệm vụ,3,10.0%");
    }

    @Test
    @Order(7)
    void aMemberAdmittedTooLateIsRefusedByR1NextToTheirRowAndShownAsNotRated() throws Exception {
        LedgerClient.Response late = op.post("/api/v1/members/enrollments", LedgerClient.json(
                "organizationId", cell, "fullName", "Lò Văn Mới", "birthDate", "1995-05-01", "gender", "MALE",
                "ethnicity", "Thái", "educationLevel", "UPPER_SECONDARY", "admittedOn", YEAR + "-09-01",
                "ceremonyDate", YEAR + "-09-01", "source", "sổ đảng viên", "occurredOn", YEAR + "-09-05"));
        scenario.ok(late);
        scenario.awaitGet("/api/v1/organizations/" + cell + "/roll?asOf=" + YEAR + "-12-31",
                r -> r.path("total").asInt() == NAMES.length + 1);

        web.open("/web/rating-rounds/" + round + "/subjects?subject=MEMBER");
        List<WebElement> open = browser.findElements(By.cssSelector("#candidates .pick:not(:disabled)"));
        assertThat(open).hasSize(1);
        assertThat(open.get(0).isSelected()).isTrue();
        web.setValue(browser.findElement(By.id("occurredOn")), YEAR + "-12-02");
        web.clickAndAwaitNewPage(By.id("add-subjects"));

        if (browser.findElements(By.id("summary")).isEmpty()) {
            throw new AssertionError("no summary of the refused subjects; the page was:\n" + browser.getPageSource());
        }
        assertThat(browser.findElement(By.id("summary")).getText())
                .startsWith("Đã đưa vào đợt: 0; đã có từ trước: 0; bị từ chối: 1");
        WebElement row = browser.findElement(By.xpath("//table[@id='candidates']/tbody/tr[td/label[text()='Lò Văn Mới']]"));
        assertThat(row.findElement(By.cssSelector("p.error")).getText())
                .contains("Không được chấp nhận theo quy tắc R1 (đối tượng không đánh giá, xếp loại). Căn cứ: QĐ 124-QĐ/TW");
        web.screenshot("rating-subjects-refused");

        web.open("/web/organizations/" + commune + "/rating-distribution?year=" + YEAR + "&subject=MEMBER");
        assertThat(browser.findElement(By.cssSelector("#table-not-rated tbody")).getText())
                .contains("Theo quy tắc R1 (đối tượng không đánh giá, xếp loại): admitted on " + YEAR + "-09-01");
    }

    @Test
    @Order(8)
    void aLaterDecisionCoversTheRowsStillOpenBetweenThoseDecidedBefore() throws Exception {
        String tam = scenario.enrollOfficial(cell, "Vì Văn Tâm", "2000-03-01", "2001-03-01");
        scenario.awaitGet("/api/v1/organizations/" + cell + "/roll?asOf=" + YEAR + "-12-31",
                r -> r.path("total").asInt() == NAMES.length + 2);
        web.open("/web/rating-rounds/" + round + "/subjects?subject=MEMBER");
        WebElement tooLate = browser.findElement(
                By.xpath("//table[@id='candidates']/tbody/tr[td/label[text()='Lò Văn Mới']]//input[@type='checkbox']"));
        tooLate.click();
        assertThat(tooLate.isSelected()).isFalse();
        web.setValue(browser.findElement(By.id("occurredOn")), YEAR + "-12-02");
        web.clickAndAwaitNewPage(By.id("add-subjects"));
        assertThat(browser.findElement(By.id("added")).getText()).isEqualTo("Đã đưa vào đợt: 1; đã có từ trước: 0.");

        // the late member's self-review, from the link on the round's page; a score beyond QĐ 366's frame is
        // refused next to it and the form keeps what was typed (the field's own max stops it in this browser
        // before sending: taken off, as a browser without that check would send it)
        web.open("/web/rating-rounds/" + round + "?lang=en");
        assertThat(rowOf("Vì Văn Tâm").findElement(By.className("step-status")).getText())
                .isEqualTo("Waiting for the self-review");
        assertThat(rowOf("Vì Văn Tâm").findElement(By.className("step-self-review")).getText())
                .isEqualTo("Self-review");
        web.open("/web/rating-rounds/" + round + "?lang=vi");
        web.clickAndAwaitNewPage(rowOf("Vì Văn Tâm").findElement(By.className("step-self-review")));
        new Select(browser.findElement(By.id("proposedLevel"))).selectByValue("GOOD");
        assertThat(browser.findElement(By.id("score.general")).getAttribute("max")).isEqualTo("30");
        web.script("arguments[0].removeAttribute('max')", browser.findElement(By.id("score.general")));
        web.type("score.general", "31");
        web.type("score.tasks", "60");
        web.set("occurredOn", YEAR + "-12-05");
        web.clickAndAwaitNewPage(By.id("save-step"));
        assertThat(web.text("error-score.general")).isEqualTo("Cần một số nguyên từ 0 đến 30.");
        assertThat(browser.findElement(By.id("score.tasks")).getAttribute("value")).isEqualTo("60");
        web.type("score.general", "27");
        // the connection dropped after the first submission: the same form is sent again, and stored once
        List<String> landed = web.submitTwice("step-form");
        assertThat(landed.get(0)).contains("/web/rating-rounds/" + round + "?saved=SELF_REVIEW&subjectId=" + tam);
        assertThat(landed.get(1)).isEqualTo(landed.get(0));
        browser.get(landed.get(0));
        assertThat(web.text("saved")).isEqualTo("Đã lưu: Tự kiểm điểm — Vì Văn Tâm.");
        // the list is in name order, so the one open row sits among rows decided before
        assertThat(browser.findElements(By.cssSelector("#decision-list select"))).hasSize(1);
        assertThat(levelOf("Vì Văn Tâm").getFirstSelectedOption().getText()).isEqualTo("Hoàn thành tốt nhiệm vụ");
        browser.findElement(By.id("decisionNo")).sendKeys("46-QĐ/ĐU");
        web.setValue(browser.findElement(By.id("occurredOn")), YEAR + "-12-22");
        web.clickAndAwaitNewPage(By.id("decide"));

        assertThat(browser.findElement(By.id("decided")).getText()).isEqualTo("Đã lưu quyết định cho 1 trường hợp.");
        assertThat(rowOf("Vì Văn Tâm").getText()).contains("Hoàn thành tốt nhiệm vụ", "46-QĐ/ĐU");
    }

    private String ratedWithSelfReview(String inRound, String subject, String subjectId) {
        String rating = RatingsTest.rate(op, inRound, subject, subjectId, YEAR + "-12-02");
        Map<String, Object> review = new HashMap<>();
        review.put("proposedLevel", "GOOD");
        review.put("score", Map.of("general", 27, "tasks", 60));
        review.put("occurredOn", YEAR + "-12-05");
        scenario.ok(op.post("/api/v1/ratings/" + rating + "/self-review", review));
        return rating;
    }

    private void target(int row, String label, String subject, String comparison, String percent) {
        browser.findElement(By.id("label_" + row)).sendKeys(label);
        new Select(browser.findElement(By.id("subject_" + row))).selectByValue(subject);
        new Select(browser.findElement(By.id("level_" + row))).selectByValue("GOOD");
        new Select(browser.findElement(By.id("comparison_" + row))).selectByValue(comparison);
        WebElement p = browser.findElement(By.id("percent_" + row));
        p.clear();
        p.sendKeys(percent);
        WebElement orBetter = browser.findElement(By.name("orBetter_" + row));
        if (!orBetter.isSelected()) {
            orBetter.click();
        }
    }

    private WebElement rowOf(String name) {
        return browser.findElement(By.xpath("//table[@id='decision-list']/tbody/tr[td[2]/a[text()='" + name + "']]"));
    }

    private WebElement cellRowOf(String name) {
        return browser.findElement(By.xpath("//table[@id='cell-ratings']/tbody/tr[td[2]/span[text()='" + name + "']]"));
    }

    private Select levelOf(String name) {
        return new Select(rowOf(name).findElement(By.tagName("select")));
    }
}
