package vn.partyledger.ops;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriver;

/**
 * An end-to-end test class in a real browser: one {@link BrowserSession} on the shared service for the whole class,
 * started before a subclass's own {@code @BeforeAll} (JUnit runs the superclass's first) and closed after its last
 * test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestSupport extends LedgerTestSupport {

    BrowserSession web;
    WebDriver browser;

    @BeforeAll
    void startBrowser() throws IOException {
        web = BrowserSession.start(port);
        browser = web.driver();
    }

    @AfterAll
    void stopBrowser() {
        if (web != null) {
            web.close();
        }
    }
}
