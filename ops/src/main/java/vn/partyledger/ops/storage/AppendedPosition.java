package vn.partyledger.ops.storage;

/**
 * The global position of the last event the current thread's command appended, for the command's answer
 * ({@code Ledger-Position}): a client that sends it back as {@code Ledger-Min-Position} reads its own write. Commands
 * run on the dispatching thread with the local command bus; with Axon Server they may run elsewhere, and then no
 * position is known here.
 */
public final class AppendedPosition {

    private static final ThreadLocal<Long> LAST = new ThreadLocal<>();

    private AppendedPosition() {
    }

    static void remember(long position) {
        LAST.set(position);
    }

    public static void forget() {
        LAST.remove();
    }

    /** The position remembered since the last {@link #forget()}, or null. */
    public static Long take() {
        Long position = LAST.get();
        LAST.remove();
        return position;
    }
}
