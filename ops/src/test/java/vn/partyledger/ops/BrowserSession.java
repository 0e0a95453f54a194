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
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's, through chromedriver) for a browser test class, with the steps the browser tests
 * repeat: log in through the form, follow a click to the next page, set a date picker, download with the browser's
 * session, save a screenshot under target/screenshots.
 */
final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** As long as a page may take to load (the page load timeout): a busy machine is slow, not wrong. */
    private static final Duration NAVIGATION = Duration.ofSeconds(60);

    private final ChromeDriver browser;
    private final String base;

    private BrowserSession(ChromeDriver browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    /** No skipping: without the browser the test fails and says what to install (.ci/run installs it). */
    static BrowserSession start(int port) throws IOException {
        assertThat(CHROMIUM).as("apt-get install -y chromium").isExecutable();
        assertThat(CHROMEDRIVER).as("apt-get install -y chromium-driver").isExecutable();
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(NAVIGATION);
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
        clickAndAwaitNewPage(By.id("login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotEqualTo("Sổ ghi công tác Đảng");
    }

    void logOut() {
        clickAndAwaitNewPage(By.cssSelector("form[action$='/logout'] button"));
        browser.findElement(By.id("username"));
    }

    /**
     * Clicks a link or a form's button and returns once the browser has left the page: the click returns before the
     * next page is there, and what is read at once may be the old page's heading or notice, or go stale while read.
     * Left means the old page's root element is stale or the address changed; a click that leads nowhere fails here.
     */
    void clickAndAwaitNewPage(WebElement target) {
        WebElement oldPage = browser.findElement(By.tagName("html"));
        String oldUrl = browser.getCurrentUrl();
        target.click();
        new WebDriverWait(browser, NAVIGATION).withMessage("waiting for the browser to leave " + oldUrl).until(
                ExpectedConditions.or(gone(oldPage), urlIsNot(oldUrl)));
    }

    /**
     * The element is no longer in the page shown. Selenium's {@code stalenessOf} knows this only from a stale element
     * reference; chromedriver sometimes answers the same question, asked while the new page replaces the old, with
     * "Node with given id does not belong to the document" (a RatingPagesBrowserTest run failed on it once).
     */
    private static ExpectedCondition<Boolean> gone(WebElement element) {
        ExpectedCondition<Boolean> stale = ExpectedConditions.stalenessOf(element);
        return b -> {
            try {
                return stale.apply(b);
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    void clickAndAwaitNewPage(By target) {
        clickAndAwaitNewPage(browser.findElement(target));
    }

    private static ExpectedCondition<Boolean> urlIsNot(String url) {
        return b -> !url.equals(b.getCurrentUrl());
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

    /**
     * The connection dropped after the first submission: the browser sends the form with this id again as it was.
     * Answers the addresses the two submissions landed on.
     */
    @SuppressWarnings("unchecked")
    List<String> submitTwice(String formId) {
        return (List<String>) asyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById(arguments[0]);
                const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))});
                send().then(a => send().then(b => done([a.url, b.url])));
                """, formId);
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
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        browser.quit();
    }
}
