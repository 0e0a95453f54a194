package vn.partyledger.ops.storage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Where each reader of this node's event streams last read from, and when: a reader is a thread reading a stream (a
 * processor's coordinator, the store's tail). The shared window keeps the rows these readers will ask for next; the
 * convoy holds back a rebuild's reader far ahead of another's. A reader that has not read for a while has stopped (its
 * rebuild switched, its processor was stopped) and no longer counts.
 */
final class StreamReaders {

    private record Reader(long position, long seenAt, boolean member) {
    }

    private final LongSupplier clock;
    private final Map<String, Reader> readers = new ConcurrentHashMap<>();

    StreamReaders(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    /** {@code reader} is about to read the rows after {@code position}; a {@code member} reads in the convoy. */
    void at(String reader, long position, boolean member) {
        readers.put(reader, new Reader(position, clock.getAsLong(), member));
    }

    long now() {
        return clock.getAsLong();
    }

    /** The positions of the readers that read within the last {@code activeNanos}, in ascending order. */
    long[] positions(long activeNanos) {
        long now = now();
        return readers.values().stream().filter(r -> now - r.seenAt() <= activeNanos).mapToLong(Reader::position)
                .sorted().toArray();
    }

    /**
     * Whether a convoy member other than {@code reader}, that read within the last {@code activeNanos}, is more than
     * {@code spread} positions behind {@code position}.
     */
    boolean memberFarBehind(String reader, long position, long spread, long activeNanos) {
        long now = now();
        for (Map.Entry<String, Reader> other : readers.entrySet()) {
            Reader r = other.getValue();
            if (r.member() && !other.getKey().equals(reader) && now - r.seenAt() <= activeNanos
                    && position - r.position() > spread) {
                return true;
            }
        }
        return false;
    }
}
