package vn.partyledger.ops.storage;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * Wakes the processors waiting for new events as soon as the event store's tail has taken one in. Axon's pooled
 * processors otherwise look for new events every 500 ms when their stream cannot call them back (the embedded event
 * store's streams cannot), and a read that waits for its own write ({@code Ledger-Min-Position}) waits for the slowest
 * of all of them. The tail reads as soon as a command commits on this node (and every second for other nodes' events);
 * the call-back comes once the tail has stored the event in its cache, so the stream it wakes finds it there.
 *
 * <p>The call-backs of the events of {@value #GATHER_MILLIS} ms go out together: woken per event, each of the seven
 * processors would apply every single-fact command in a transaction of its own (a commit and a token write each);
 * gathered, the events of a busy moment reach the read models in one batch, and a read-your-write read waits at most
 * that much longer (p99 96 ms at half the maximum ingest in the province benchmark of 2026-11-27 06:06 UTC).
 */
public final class NewEvents {

    static final long GATHER_MILLIS = 20;

    private final CopyOnWriteArrayList<Runnable> waiting = new CopyOnWriteArrayList<>();
    private final AtomicBoolean wakeUpDue = new AtomicBoolean();
    private final ScheduledExecutorService wakeUps = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "new-events");
        thread.setDaemon(true);
        return thread;
    });

    /** Calls {@code callback} after each new event the tail takes in, until the registration is cancelled. */
    public Registration onNewEvent(Runnable callback) {
        waiting.add(callback);
        return () -> waiting.remove(callback);
    }

    <T extends TrackedEventMessage<?>> Stream<T> signalling(Stream<T> tail) {
        Spliterator<T> events = tail.spliterator();
        Spliterator<T> signalled = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, events.characteristics()) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                return events.tryAdvance(event -> {
                    // The tail stores the event in its cache inside the action: once it returns, a stream sees it.
                    action.accept(event);
                    if (wakeUpDue.compareAndSet(false, true)) {
                        wakeUps.schedule(NewEvents.this::wakeUp, GATHER_MILLIS, TimeUnit.MILLISECONDS);
                    }
                });
            }
        };
        return StreamSupport.stream(signalled, false).onClose(tail::close);
    }

    private void wakeUp() {
        // Cleared before the call-backs: an event arriving while they run schedules the next wake-up.
        wakeUpDue.set(false);
        waiting.forEach(Runnable::run);
    }
}
