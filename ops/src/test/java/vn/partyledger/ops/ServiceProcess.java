package vn.partyledger.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * The service in a JVM of its own, on this test's class path, so that a test can kill it the way a machine or an
 * operator would ({@link Process#destroyForcibly()} is SIGKILL): nothing of it runs a shutdown hook.
 */
public final class ServiceProcess {

    private ServiceProcess() {
    }

    /**
     * Starts {@code vn.partyledger.LedgerApplication} with these arguments; its output goes to {@code <logDir>/<name>.log}.
     * Only the quick first JIT compiler runs: a test's service starts sooner and lives too briefly for the second.
     */
    public static Process launch(Path logDir, String name, String... arguments) throws IOException {
        return launch(logDir, name, List.of("-XX:TieredStopAtLevel=1"), arguments);
    }

    /** The same with these JVM options instead (a benchmark measures the service with both JIT compilers, as deployed). */
    public static Process launch(Path logDir, String name, List<String> jvmOptions, String... arguments)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Exits on OutOfMemoryError, as deployed (README "Configuration"): a run that exhausts the heap ends plainly.
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                "vn.partyledger.LedgerApplication",
                "--ledger.bootstrap.operator-password=" + LedgerTestSupport.OPERATOR_PASSWORD));
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null) {
            // A flight recording of the whole run (-Dbench.jfr=<directory>), written when the service stops.
            Path recording = Path.of(jfr).toAbsolutePath().resolve(name + ".jfr");
            Files.createDirectories(recording.getParent());
            command.add(1, "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
        }
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve(name + ".log").toFile())
                .start();
    }

    /** Up to five minutes: on a machine shared with other builds a start has taken more than two. */
    public static void awaitHealthy(LedgerClient client, Process process, Path log) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("service died:\n" + tail(log));
                }
                try {
                    return client.get("/actuator/health").status() == 200;
                } catch (RuntimeException notYet) {
                    return false;
                }
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("service did not become healthy; log:\n" + tail(log), e);
        }
    }

    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
