package vn.partyledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The audit ledger service. Sits in the root package so component scanning reaches command, query and ops. */
@SpringBootApplication
public class LedgerApplication {

    public static void main(String[] args) {
        // Axon's update checker phones home; the ledger runs on closed networks.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(LedgerApplication.class, args);
    }
}
