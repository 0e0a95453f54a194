package vn.partyledger.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code java -jar verifier.jar bundle.zip}: prints OK and what was checked (exit 0), or FAILED with the first problem,
 * its scope and position and why (exit 1). Exit 2 when the file cannot be read at all. Needs only a JDK.
 */
public final class VerifyBundle {

    private VerifyBundle() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the verification and prints its outcome; returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        if (args.length != 1) {
            out.println("usage: java -jar verifier.jar <bundle.zip>");
            return 2;
        }
        Map<String, byte[]> entries;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            entries = Bundle.read(in);
        } catch (IOException | RuntimeException e) {
            out.println("FAILED cannot read " + args[0] + ": " + e.getMessage());
            return 2;
        }
        BundleVerifier.Report report = BundleVerifier.verify(entries);
        if (report.ok()) {
            out.println("OK " + args[0]);
        }
        report.checked().forEach(line -> out.println("  checked " + line));
        if (!report.ok()) {
            out.println("FAILED " + report.finding().describe());
            return 1;
        }
        return 0;
    }
}
