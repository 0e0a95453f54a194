package vn.partyledger.ops.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * The stored events most recently read from the database, by global position, shared by every stream this node reads
 * (docs/decisions/0018): when several processors read the same part of the store — all read models rebuilt together —
 * the first one reads and deserializes an event, the others take it from here.
 *
 * <p>A stored row never changes and is never deleted, so a row read once is valid for every reader. What the window
 * must not invent is the absence of a row: it remembers which ranges of positions it holds <em>completely</em> (every
 * row a database read of that range returned, up to the last row returned), and serves a reader only inside such a
 * range. A position with no row inside a range was empty when that range was read; the reader's token records it as a
 * gap, exactly as if the reader had read the database at that moment, and the storage engine goes on checking the gap
 * in the database until it is filled or provably empty.
 *
 * <p>Bounded: past its capacity it drops the rows that will be asked for last. A row is still needed by the readers
 * behind it; the window knows where each reader is ({@link StreamReaders}) and first drops the rows no active reader is behind
 * (every reader has passed them), then those farthest ahead of their nearest reader behind. Dropping simply the lowest
 * positions, as it first did, threw away what a rebuild's last read model still needed as soon as the rows the live
 * processors had read at the head filled the window.
 */
final class SharedEventWindow {

    /** One stored row and, once a reader needed them, its messages (upcast and lazily deserialized once, shared). */
    static final class Entry {
        final long position;
        final DomainEventData<?> row;
        private volatile List<TrackedEventMessage<?>> messages;

        Entry(long position, DomainEventData<?> row) {
            this.position = position;
            this.row = row;
        }

        List<TrackedEventMessage<?>> messages(Function<Entry, List<TrackedEventMessage<?>>> upcast) {
            List<TrackedEventMessage<?>> read = messages;
            if (read == null) {
                // Two readers may both upcast it; either result is the same and one of them is kept.
                read = upcast.apply(this);
                messages = read;
            }
            return read;
        }
    }

    /** A row as one reader sees it: the shared entry under that reader's own token. */
    static final class Read extends TrackedDomainEventData<Object> {
        final Entry entry;

        @SuppressWarnings("unchecked")
        Read(GapAwareTrackingToken token, Entry entry) {
            super(token, (DomainEventData<Object>) entry.row);
            this.entry = entry;
        }
    }

    /** A reader that has not read for this long (stopped, or switched) no longer keeps rows in the window. */
    private static final long ACTIVE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final int capacity;
    private final StreamReaders readers;
    private final TreeMap<Long, Entry> rows = new TreeMap<>();
    /** Ranges held completely: (key, value], no two overlapping or touching. */
    private final TreeMap<Long, Long> complete = new TreeMap<>();

    /** {@code readers}: where the streams reading through this window are, to keep what they will ask for next. */
    SharedEventWindow(int capacity, StreamReaders readers) {
        this.capacity = capacity;
        this.readers = readers;
    }

    /**
     * The rows after the token's position as far as the window holds them completely (at most {@code limit}), each
     * with the reader's token advanced to it; empty when the window cannot answer for the position right after the
     * token. The token must carry no gaps: the window cannot tell whether a gap has been filled since.
     */
    List<Read> after(GapAwareTrackingToken token, int limit) {
        long index = token.getIndex();
        List<Entry> entries = new ArrayList<>(Math.min(limit, 256));
        // Only the lookup holds the lock: on a busy machine a reader descheduled while holding it stalls every other
        // reader (profiled), so the readers' tokens are worked out after it.
        synchronized (this) {
            Map.Entry<Long, Long> range = complete.floorEntry(index);
            if (range == null || range.getValue() <= index) {
                return List.of();
            }
            for (Entry entry : rows.subMap(index, false, range.getValue(), true).values()) {
                entries.add(entry);
                if (entries.size() == limit) {
                    break;
                }
            }
        }
        List<Read> reads = new ArrayList<>(entries.size());
        GapAwareTrackingToken previous = token;
        for (Entry entry : entries) {
            GapAwareTrackingToken next = previous.advanceTo(entry.position, Integer.MAX_VALUE);
            reads.add(new Read(next, entry));
            previous = next;
        }
        return reads;
    }

    /**
     * Takes the rows of one database read of the positions after {@code from} (gap rows at or below it are not
     * kept): every row that read found there up to the last one, so that range is now held completely. Returns the
     * shared entries of all rows, in the given order, to be handed out instead of fresh ones.
     */
    synchronized List<Entry> remember(long from, List<Map.Entry<Long, DomainEventData<?>>> read) {
        List<Entry> entries = new ArrayList<>(read.size());
        long last = from;
        for (Map.Entry<Long, DomainEventData<?>> row : read) {
            long position = row.getKey();
            Entry entry = rows.get(position);
            if (entry == null) {
                entry = new Entry(position, row.getValue());
                if (position > from) {
                    rows.put(position, entry);
                }
            }
            entries.add(entry);
            last = Math.max(last, position);
        }
        if (last > from) {
            cover(from, last);
            trim();
        }
        return entries;
    }

    private void cover(long from, long to) {
        long start = from;
        long end = to;
        Map.Entry<Long, Long> before = complete.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
        }
        // Ranges starting inside (start, end] merge into this one.
        NavigableMap<Long, Long> inside = complete.subMap(start, true, end, true);
        for (long e : inside.values()) {
            end = Math.max(end, e);
        }
        inside.clear();
        complete.put(start, end);
    }

    /**
     * Drops rows down to three quarters of the capacity, so that it sorts seldom: first the rows no active reader is
     * behind, then those farthest ahead of the nearest reader behind them, lowest positions first among equals. A
     * dropped row's position leaves the range that held it, which splits around it.
     */
    private void trim() {
        if (rows.size() <= capacity) {
            return;
        }
        long[] behind = readers.positions(ACTIVE_NANOS);
        long[] positions = new long[rows.size()];
        long[] distances = new long[rows.size()];
        int i = 0;
        int reader = -1;
        for (long position : rows.keySet()) {
            while (reader + 1 < behind.length && behind[reader + 1] < position) {
                reader++;
            }
            positions[i] = position;
            distances[i] = reader < 0 ? Long.MAX_VALUE : position - behind[reader];
            i++;
        }
        int excess = rows.size() - capacity * 3 / 4;
        long[] sorted = distances.clone();
        Arrays.sort(sorted);
        long threshold = sorted[sorted.length - excess];
        int atThreshold = excess - (int) Arrays.stream(sorted).filter(d -> d > threshold).count();
        for (int k = 0; k < positions.length; k++) {
            boolean drop = distances[k] > threshold || (distances[k] == threshold && atThreshold-- > 0);
            if (drop) {
                rows.remove(positions[k]);
                uncover(positions[k]);
            }
        }
    }

    /** The range that held {@code position} no longer does: (a, b] becomes (a, position - 1] and (position, b]. */
    private void uncover(long position) {
        Map.Entry<Long, Long> range = complete.lowerEntry(position);
        if (range == null || range.getValue() < position) {
            return;
        }
        complete.remove(range.getKey());
        if (range.getKey() < position - 1) {
            complete.put(range.getKey(), position - 1);
        }
        if (range.getValue() > position) {
            complete.put(position, range.getValue());
        }
    }

    synchronized int size() {
        return rows.size();
    }
}
