package vn.partyledger.ops.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start of an empty ledger, creates one ledger-wide operator so that someone can log in. The password
 * comes from LEDGER_OPERATOR_PASSWORD or is generated and printed once; none is ever committed to the repository.
 */
@Component
class BootstrapOperator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapOperator.class);

    private final UserAccounts accounts;
    private final String username;
    private final String password;

    BootstrapOperator(UserAccounts accounts,
                      @Value("${ledger.bootstrap.operator-username:operator}") String username,
                      @Value("${ledger.bootstrap.operator-password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.isEmpty()) {
            return;
        }
        boolean generated = password == null || password.isBlank();
        String secret = generated ? generate() : password;
        accounts.create(username, secret, "Bootstrap operator", List.of(new Grant(Role.OPERATOR, null)), null);
        if (generated) {
            // Printed once, on the console only: the hash is all the database keeps.
            System.out.println("""

                    ==========================================================================
                     Ledger bootstrap operator created.  username: %s  password: %s
                     Store it now; it is not shown again. Set LEDGER_OPERATOR_PASSWORD to choose it.
                    ==========================================================================
                    """.formatted(username, secret));
        }
        log.info("Created bootstrap operator account '{}'", username);
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
