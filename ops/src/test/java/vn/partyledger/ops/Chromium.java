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

/**
 * Debian's headless Chromium for the browser tests, set up as {@link DashboardBrowserTest} does it (no browser
 * downloads; without the packages a test fails and says what to install), with the steps the page tests share.
 */
final class Chromium {

    private final ChromeDriver browser;
    private final String base;

    private Chromium(ChromeDriver browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    static Chromium start(int port) throws IOException {
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
        return new Chromium(browser, "http://localhost:" + port);
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

    void logIn(String username, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cây tổ chức và số đảng viên");
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

    /** A download with the browser's session, as the export links are followed. */
    byte[] download(String path) throws Exception {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
        return r.body();
    }

    void screenshot(String name) throws IOException {
        Path file = DashboardBrowserTest.SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    void quit() {
        browser.quit();
    }
}
