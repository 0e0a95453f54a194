package vn.partyledger.ops.storage;

import java.util.concurrent.TimeUnit;

/**
 * Keeps read models that rebuild together within reach of each other, so that the shared window
 * (docs/decisions/0018) serves them instead of the database. Left alone, the light read models' rebuilds ran ahead of
 * the meeting register's, left the window behind, and each read and deserialized the whole store again for itself: on
 * two cores that work was taken from the slowest rebuild, which decides when a rebuild of all read models is done.
 *
 * <p>Members are the rebuilds' coordinator threads, which read their processors' streams ({@link #joining}); where
 * each reader is comes from {@link StreamReaders}. Before a member reads the database it waits — at most {@code patience} per read, so a stalled member only slows the others
 * down — while another member that has read within the last {@code activeFor} is more than {@code spread} positions
 * behind it. A member that stopped (its rebuild switched, or it was stopped) stops counting once it has not read for
 * that long. The live processors and the store's tail are never members: they neither wait nor hold anyone back.
 */
public final class Convoy {

    private static final ThreadLocal<Boolean> MEMBER = ThreadLocal.withInitial(() -> false);

    private final StreamReaders readers;
    private final long spread;
    private final long patienceNanos;
    private final long activeNanos;

    Convoy(StreamReaders readers, long spread, long patienceMillis, long activeForMillis) {
        this.readers = readers;
        this.spread = spread;
        this.patienceNanos = TimeUnit.MILLISECONDS.toNanos(patienceMillis);
        this.activeNanos = TimeUnit.MILLISECONDS.toNanos(activeForMillis);
    }

    /** Half the window apart at most, so the last of them still finds what the first one read. */
    static Convoy forWindow(int windowRows, StreamReaders readers) {
        return new Convoy(readers, windowRows / 2, 200, 1_000);
    }

    /** Runs {@code task} on its thread as a member: the stream reads it makes travel in the convoy. */
    public static Runnable joining(Runnable task) {
        return () -> {
            MEMBER.set(true);
            try {
                task.run();
            } finally {
                MEMBER.remove();
            }
        };
    }

    /** Whether the reader on this thread is a member; the others are outside the convoy. */
    static boolean member() {
        return MEMBER.get();
    }

    /** Whether the member {@code reader} at {@code position} should let a member far behind it come closer first. */
    boolean shouldWait(String reader, long position) {
        return readers.memberFarBehind(reader, position, spread, activeNanos);
    }

    /** Called before a member reads the database: waits while {@link #shouldWait}, at most the patience. */
    void beforeDatabaseRead(String reader, long position) {
        long deadline = readers.now() + patienceNanos;
        while (shouldWait(reader, position) && readers.now() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
