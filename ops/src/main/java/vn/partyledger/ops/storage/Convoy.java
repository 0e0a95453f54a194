package vn.partyledger.ops.storage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps read models that rebuild together within reach of each other, so that the shared window
 * (docs/decisions/0018) serves them instead of the database. Left alone, the light read models' rebuilds ran ahead of
 * the meeting register's, left the window behind, and each read and deserialized the whole store again for itself: on
 * two cores that work was taken from the slowest rebuild, which decides when a rebuild of all read models is done.
 *
 * <p>Members are the rebuilds' coordinator threads, which read their processors' streams ({@link #joining}). Before a
 * member reads the database it waits — at most {@code patience} per read, so a stalled member only slows the others
 * down — while another member that has read within the last {@code activeFor} is more than {@code spread} positions
 * behind it. A member that stopped (its rebuild switched, or it was stopped) stops counting once it has not read for
 * that long. The live processors and the store's tail are never members: they neither wait nor hold anyone back.
 */
public final class Convoy {

    private static final ThreadLocal<String> MEMBER = new ThreadLocal<>();

    private record Reader(long position, long seenAt) {
    }

    private final long spread;
    private final long patienceNanos;
    private final long activeNanos;
    private final LongSupplier clock;
    private final Map<String, Reader> members = new ConcurrentHashMap<>();

    Convoy(long spread, long patienceMillis, long activeForMillis, LongSupplier nanoClock) {
        this.spread = spread;
        this.patienceNanos = TimeUnit.MILLISECONDS.toNanos(patienceMillis);
        this.activeNanos = TimeUnit.MILLISECONDS.toNanos(activeForMillis);
        this.clock = nanoClock;
    }

    /** Half the window apart at most, so the last of them still finds what the first one read. */
    static Convoy forWindow(int windowRows) {
        return new Convoy(windowRows / 2, 200, 1_000, System::nanoTime);
    }

    /** Runs {@code task} on its thread as the member {@code name}: the stream reads it makes travel in the convoy. */
    public static Runnable joining(String name, Runnable task) {
        return () -> {
            MEMBER.set(name);
            try {
                task.run();
            } finally {
                MEMBER.remove();
            }
        };
    }

    /** The member reading on this thread, or null for a reader outside the convoy. */
    static String member() {
        return MEMBER.get();
    }

    /** The member is about to read after {@code position}. */
    void at(String member, long position) {
        members.put(member, new Reader(position, clock.getAsLong()));
    }

    /** Whether the member at {@code position} should let a member far behind it come closer first. */
    boolean shouldWait(String member, long position) {
        long now = clock.getAsLong();
        for (Map.Entry<String, Reader> other : members.entrySet()) {
            Reader r = other.getValue();
            if (!other.getKey().equals(member) && now - r.seenAt() <= activeNanos && position - r.position() > spread) {
                return true;
            }
        }
        return false;
    }

    /** Called before a member reads the database: waits while {@link #shouldWait}, at most the patience. */
    void beforeDatabaseRead(String member, long position) {
        long deadline = clock.getAsLong() + patienceNanos;
        while (shouldWait(member, position) && clock.getAsLong() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
