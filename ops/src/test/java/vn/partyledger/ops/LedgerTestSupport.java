package vn.partyledger.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running service on a fresh embedded PostgreSQL for all end-to-end tests that extend this class (Spring caches
 * the context). Tests create their own organisations, so they do not depend on each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
public abstract class LedgerTestSupport {

    public static final String OPERATOR = "operator";
    public static final String OPERATOR_PASSWORD = "operator-test-password";
    static final Path DATA_DIR = tempDir();
    static final int PG_PORT = freePort();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("ledger.embedded-postgres.data-dir", () -> DATA_DIR.resolve("pg").toString());
        registry.add("ledger.embedded-postgres.port", () -> PG_PORT);
        registry.add("ledger.bootstrap.operator-password", () -> OPERATOR_PASSWORD);
        registry.add("axon.eventhandling.processors." + FailingProjection.GROUP + ".mode", () -> "pooled");
        registry.add("axon.eventhandling.processors." + FailingProjection.GROUP + ".dlq.enabled", () -> "true");
    }

    protected LedgerClient operator() {
        return new LedgerClient("http://localhost:" + port, OPERATOR, OPERATOR_PASSWORD);
    }

    protected LedgerClient anonymous() {
        return new LedgerClient("http://localhost:" + port, null, null);
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh directory under the module's {@code target/}, not the system's temporary directory: each service a test
     * starts leaves its embedded database there (up to gigabytes for the benchmark), and {@code mvn clean} removes it.
     */
    public static Path tempDir() {
        try {
            Path base = Files.createDirectories(Path.of("target", "ledger-test"));
            return Files.createTempDirectory(base.toAbsolutePath(), "ledger-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
