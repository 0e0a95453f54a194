package vn.partyledger.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.partyledger.ops.LedgerClient;
import vn.partyledger.ops.LedgerTestSupport;
import vn.partyledger.ops.Scenario;

/**
 * Full rebuild of each read model, and of all of them at once, beside a raw keyset scan of the same event rows in the
 * same run (issue 14, item 2). The ledger is loaded through HTTP: enrolments, then whole meetings with the attendance
 * of every member. Not part of the default test run: {@code ./mvnw -pl ops -am verify -Pbench
 * -Dtest=ReadModelRebuildBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}; prints its table and appends it to
 * bench/results/read-model-rebuild.md.
 */
@Tag("benchmark")
class ReadModelRebuildBenchmarkTest extends LedgerTestSupport {

    private static final int CELLS = Integer.getInteger("bench.rebuild.cells", 20);
    private static final int MEMBERS = Integer.getInteger("bench.rebuild.members", 20);
    private static final int YEARS = Integer.getInteger("bench.rebuild.years", 6);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final List<String> READ_MODELS = List.of("organization-tree", "member-roll", "meeting-register",
            "task-board", "commitment-coverage", "development", "ratings");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readModelRebuild() throws Exception {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        load(op, s);
        awaitCaughtUp(op);
        long events = jdbc.queryForObject("select count(*) from domainevententry", Long.class);

        StringBuilder report = new StringBuilder();
        report.append("# read-model rebuild ").append(Instant.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(String.format("%,d events%n%n", events));
        double scan = keysetScan();
        report.append(String.format("raw keyset scan of domainevententry (pages of 1,000, every column): %,.0f rows/s%n%n",
                scan));
        report.append("| rebuild | events/s | ÷ keyset scan |\n|---|---|---|\n");
        for (String name : READ_MODELS) {
            double rate = events / rebuild(op, List.of(name));
            report.append(String.format("| %s | %,.0f | %.1f%% |%n", name, rate, 100 * rate / scan));
        }
        double all = events / rebuild(op, READ_MODELS);
        report.append(String.format("| all %d together | %,.0f | %.1f%% |%n", READ_MODELS.size(), all, 100 * all / scan));
        double scanAfter = keysetScan();
        report.append(String.format("%nraw keyset scan again after the rebuilds: %,.0f rows/s%n", scanAfter));

        System.out.println(report);
        Path dir = Path.of("..", "bench", "results").toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("read-model-rebuild.md"), report + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Enrolments, then a whole meeting per cell and month with every member's attendance, from several clients. */
    private void load(LedgerClient op, Scenario s) throws Exception {
        String province = s.establish("PROVINCE", null, null, "Tỉnh rebuild " + System.nanoTime(), "2010-01-01");
        String commune = s.establish("COMMUNE", null, province, "Xã rebuild", "2010-01-01");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<String>> cellCalls = new ArrayList<>();
            for (int c = 0; c < CELLS; c++) {
                int n = c;
                cellCalls.add(pool.submit(() -> s.establish("CELL", "VILLAGE", commune, "Chi bộ thôn " + n,
                        "2010-01-01")));
            }
            Map<String, List<String>> members = new HashMap<>();
            List<Future<?>> calls = new ArrayList<>();
            for (Future<String> cell : cellCalls) {
                List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
                members.put(cell.get(), ids);
                for (int m = 0; m < MEMBERS; m++) {
                    int n = m;
                    calls.add(pool.submit(() -> ids.add(s.enrollOfficial(cell.get(), "Đảng viên " + n, "2001-01-01",
                            "2002-01-01"))));
                }
            }
            for (Future<?> f : calls) {
                f.get();
            }
            calls.clear();
            for (int year = 2025 - YEARS + 1; year <= 2025; year++) {
                for (int month = 1; month <= 12; month++) {
                    String heldOn = String.format("%d-%02d-05", year, month);
                    for (var cell : members.entrySet()) {
                        calls.add(pool.submit(() -> s.ok(op.post("/api/v1/organizations/" + cell.getKey()
                                + "/meetings", meeting(heldOn, cell.getValue())))));
                    }
                }
            }
            for (Future<?> f : calls) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Map<String, Object> meeting(String heldOn, List<String> members) {
        List<Map<String, Object>> attendance = new ArrayList<>();
        for (String member : members) {
            attendance.add(Map.of("memberId", member, "status", "PRESENT"));
        }
        Map<String, Object> meeting = new HashMap<>();
        meeting.put("held", true);
        meeting.put("kind", "REGULAR");
        meeting.put("heldOn", heldOn);
        meeting.put("agenda", List.of("Đánh giá kết quả tháng"));
        meeting.put("attendance", attendance);
        meeting.put("durationMinutes", 120);
        return meeting;
    }

    /**
     * Rows per second reading every column of every stored event in global order, 1,000 per round trip, the way a
     * processor reads the store; the median of three passes.
     */
    private double keysetScan() {
        double[] rates = new double[3];
        for (int pass = 0; pass < rates.length; pass++) {
            long t0 = System.nanoTime();
            long rows = 0;
            long last = -1;
            while (true) {
                long[] state = {last, 0};
                jdbc.query("select * from domainevententry where globalindex > ? order by globalindex limit 1000",
                        rs -> {
                            state[0] = rs.getLong("globalindex");
                            rs.getBytes("payload");
                            rs.getBytes("metadata");
                            state[1]++;
                        }, last);
                if (state[1] == 0) {
                    break;
                }
                rows += state[1];
                last = state[0];
            }
            rates[pass] = rows / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(rates);
        return rates[1];
    }

    /** Every processor has applied everything stored (on a loaded machine this can take minutes after the load). */
    private static void awaitCaughtUp(LedgerClient op) {
        Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode p : op.get("/api/v1/ops/processors").body()) {
                if (p.hasNonNull("lag") && p.path("lag").asLong() > 0) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Seconds from asking for the replays until every one of them has reached the store's head. */
    private static double rebuild(LedgerClient op, List<String> names) {
        long t0 = System.nanoTime();
        for (String name : names) {
            LedgerClient.Response started = op.post("/api/v1/ops/processors/" + name + "/replay", "");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
        }
        Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (String name : names) {
                JsonNode progress = op.get("/api/v1/ops/processors/" + name + "/replay").body();
                if (!progress.path("finished").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
        return (System.nanoTime() - t0) / 1e9;
    }
}
