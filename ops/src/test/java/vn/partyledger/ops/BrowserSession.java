package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's, through chromedriver) for a browser test class, set up as DashboardBrowserTest sets
 * up its own, with the steps the audit pages' tests repeat: log in through the form, set a date picker, download
 * with the browser's session, save a screenshot under target/screenshots.
 */
final class BrowserSession implements AutoCloseable {

    private final ChromeDriver browser;
    private final String base;

    private BrowserSession(ChromeDriver browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    /** No skipping: without the browser the test fails and says what to install (.ci/run installs it). */
    static BrowserSession start(int port) throws IOException {
        assertThat(DashboardBrowserTest.CHROMIUM).as("apt-get install -y chromium").isExecutable();
        assertThat(DashboardBrowserTest.CHROMEDRIVER).as("apt-get install -y chromium-driver").isExecutable();
        Files.createDirectories(DashboardBrowserTest.SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(DashboardBrowserTest.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DashboardBrowserTest.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // a click that submits a form returns before the next page is there: look for its elements until they come
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        return new BrowserSession(browser, "http://localhost:" + port);
    }

    WebDriver driver() {
        return browser;
    }

    String base() {
        return base;
    }

    void open(String path) {
        browser.get(base + path);
    }

    /** Logs in through the form (after logging out whoever was logged in). */
    void logIn(String username, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        WebElement submit = browser.findElement(By.id("login"));
        submit.click();
        // the login page's own heading would be found before the next page replaces it: wait for it to go first
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(submit));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotEqualTo("Sổ ghi công tác Đảng");
    }

    void logOut() {
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        browser.findElement(By.id("username"));
    }

    /** Date and time pickers: typed keys depend on the browser's locale, the value does not. */
    void set(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Nothing on the current page matches: asked without the implicit wait, which would otherwise wait its full ten
     * seconds for an element that is rightly not there. Call it once the page is known to be the new one.
     */
    boolean absent(By selector) {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return browser.findElements(selector).isEmpty();
        } finally {
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        }
    }

    /** Date inputs take their value from script: typing into them depends on the browser's locale. */
    void setValue(WebElement input, String value) {
        script("arguments[0].value = arguments[1]", input, value);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeAsyncScript(script, args);
    }

    /** Renders the page as it prints (CSS {@code @media print}) until {@link #screenMedia()}. */
    void printMedia() {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
    }

    void screenMedia() {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
    }

    /** Bytes the browser fetched for the current page: the document and every resource it loaded. */
    long firstLoadBytes() {
        Object total = script("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                    .reduce((sum, e) => sum + (e.encodedBodySize || 0) + 300, 0);
                """);
        return ((Number) total).longValue();
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** A GET with the browser's session cookie, as a click on a download link would send it. */
    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A download that must succeed, as the export links are followed: its bytes. */
    byte[] downloadOk(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = download(path);
        assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
        return r.body();
    }

    void screenshot(String name) throws IOException {
        Path file = DashboardBrowserTest.SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        browser.quit();
    }
}
