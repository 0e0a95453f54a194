package vn.partyledger.ops.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.junit.jupiter.api.Test;

class SharedEventWindowTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(100));
    private final StreamReaders readers = new StreamReaders(now::get);
    private final SharedEventWindow window = new SharedEventWindow(100, readers);

    @Test
    void aReaderBehindIsServedWhatAReaderAheadRead() {
        window.remember(0, rows(1, 50));

        assertThat(positions(window.after(token(20), 1_000))).containsExactlyElementsOf(range(21, 50));
    }

    @Test
    void rowsARebuildStillNeedsOutliveTheRowsReadAtTheHead() {
        // A rebuild's last read model at 0 and its first at 60 read together; the live processors then read 100 new
        // rows at the head, which every one of them has passed.
        readers.at("meeting-register@rebuild", 0, true);
        readers.at("task-board@rebuild", 60, true);
        window.remember(0, rows(1, 60));
        for (long from = 3_000; from < 3_100; from += 10) {
            readers.at("Coordinator[task-board]", from, false);
            window.remember(from, rows(from + 1, from + 10));
        }
        readers.at("Coordinator[task-board]", 3_100, false);

        assertThat(positions(window.after(token(0), 1_000))).containsExactlyElementsOf(range(1, 60));
        assertThat(window.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void rowsEveryReaderHasPassedGoFirst() {
        readers.at("a", 150, false);
        window.remember(0, rows(1, 150));

        assertThat(window.after(token(0), 1_000)).isEmpty();
        assertThat(window.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void aDroppedRowSplitsTheRangeThatHeldIt() {
        // Readers at 0 and 40 need rows 1..40 and 41..100 alike, except that a reader is farther from what lies
        // far above it: the rows dropped are the top of each reader's stretch, and nothing around a hole is served.
        readers.at("low", 0, false);
        readers.at("high", 40, false);
        window.remember(0, rows(1, 101));

        List<Long> fromLow = positions(window.after(token(0), 1_000));
        List<Long> fromHigh = positions(window.after(token(40), 1_000));
        assertThat(fromLow).isEqualTo(range(1, fromLow.size()));
        assertThat(fromHigh).isEqualTo(range(41, 40 + fromHigh.size()));
        assertThat(window.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void aReaderThatStoppedKeepsNothing() {
        readers.at("stopped", 0, false);
        now.addAndGet(TimeUnit.SECONDS.toNanos(11));
        readers.at("a", 150, false);
        window.remember(0, rows(1, 150));

        assertThat(window.after(token(0), 1_000)).isEmpty();
    }

    private static List<Map.Entry<Long, DomainEventData<?>>> rows(long first, long last) {
        List<Map.Entry<Long, DomainEventData<?>>> rows = new ArrayList<>();
        for (long p = first; p <= last; p++) {
            rows.add(Map.entry(p, new GenericDomainEventEntry<>("Cell", "agg-" + p, 0, "event-" + p,
                    "2026-11-27T00:00:00Z", "Payload", null, "{}", "{}")));
        }
        return rows;
    }

    private static GapAwareTrackingToken token(long index) {
        return GapAwareTrackingToken.newInstance(index, Set.of());
    }

    private static List<Long> positions(List<SharedEventWindow.Read> reads) {
        return reads.stream().map(r -> r.entry.position).toList();
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }
}
