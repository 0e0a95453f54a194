package vn.partyledger.ops.integrity;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The command line verification: {@code java -jar ops.jar --verify=<organisationId>} (or {@code --verify=all})
 * checks the chains in the configured database like the verification endpoint, prints the outcome and exits
 * non-zero on the first broken scope. {@link vn.partyledger.LedgerApplication} starts no web server in this mode.
 */
@Component
class VerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String OPTION = "verify";

    private final ChainVerification verification;
    private final Chainer chainer;
    private int exitCode;

    VerifyCommand(ChainVerification verification, Chainer chainer) {
        this.verification = verification;
        this.chainer = chainer;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        exitCode = run(args.getOptionValues(OPTION), System.out);
    }

    int run(List<String> targets, PrintStream out) {
        chainer.chainPending();
        List<String> scopes = targets.contains("all") || targets.isEmpty() ? verification.scopes() : targets;
        int code = 0;
        // one run: the keys, the seals and their roots are checked once for all the scopes asked about
        ChainVerification.Run run = verification.run(new HashMap<>());
        for (String scope : scopes) {
            ChainVerification.Verification v = run.verify(scope, null).verification();
            if (v.ok()) {
                out.println("OK " + scope + ": positions " + v.checkedFrom() + ".." + v.checkedTo()
                        + " recomputed, every link matches" + (v.sealNo() == null ? "; not sealed yet"
                        : "; sealed up to " + v.sealedTo() + " by seal #" + v.sealNo() + " (" + v.sealDigest() + ")"));
            } else {
                out.println("FAILED " + v.failure().detail());
                code = 1;
            }
        }
        return code;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
