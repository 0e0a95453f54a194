package vn.partyledger;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The audit ledger service. Sits in the root package so component scanning reaches command, query and ops. */
@SpringBootApplication
public class LedgerApplication {

    public static void main(String[] args) {
        // Axon's update checker phones home; the ledger runs on closed networks.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(LedgerApplication.class);
        boolean verifyOnly = Arrays.stream(args).anyMatch(a -> a.startsWith("--verify"));
        if (verifyOnly) {
            // --verify=<organisationId|all> checks the chains and exits (README "Verifying the chain")
            app.setWebApplicationType(WebApplicationType.NONE);
            System.exit(SpringApplication.exit(app.run(args)));
        }
        app.run(args);
    }
}
