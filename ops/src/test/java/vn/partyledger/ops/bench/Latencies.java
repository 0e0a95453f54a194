package vn.partyledger.ops.bench;

import java.util.ArrayList;
import java.util.List;

/** Durations of one kind of operation, collected from several threads; percentiles by nearest rank. */
final class Latencies {

    private final List<Long> nanos = new ArrayList<>();

    synchronized void add(long durationNanos) {
        nanos.add(durationNanos);
    }

    synchronized int count() {
        return nanos.size();
    }

    /** The {@code percent}-th percentile in milliseconds (nearest rank); NaN when nothing was measured. */
    synchronized double percentileMillis(double percent) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(Long::compare);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    double p50() {
        return percentileMillis(50);
    }

    double p99() {
        return percentileMillis(99);
    }
}
