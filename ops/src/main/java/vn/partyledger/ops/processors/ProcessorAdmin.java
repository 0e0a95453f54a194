package vn.partyledger.ops.processors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * Operator's view of event processors: positions, lag, dead letters, and blue/green rebuilds with progress
 * ({@link Rebuilds}). A rebuild runs on the node that started it; on a cluster, start it on one node while the others
 * have the processor stopped, since the switch hands the rebuilt tokens to the live processor on this node.
 */
@Service
public class ProcessorAdmin {

    private final EventProcessingConfiguration processing;
    private final Rebuilds rebuilds;
    private final TransactionTemplate snapshot;

    ProcessorAdmin(EventProcessingConfiguration processing, Rebuilds rebuilds,
                   PlatformTransactionManager transactions) {
        this.processing = processing;
        this.rebuilds = rebuilds;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /**
     * One processor. A rebuild's green processor is listed as {@code <name>@rebuild} (mode {@code rebuild}), and the
     * live one carries the rebuild's progress.
     */
    public record ProcessorStatus(String name, String mode, boolean running, boolean error, boolean replaying,
                                  Long position, long head, Long lag, long deadLetters, int segments,
                                  ReplayProgress rebuild) {
    }

    /**
     * A rebuild: done/total are positions of the event store (total is its head, which moves while events arrive);
     * {@code state} is {@code REBUILDING} until the switch and {@code SWITCHED} after it, when {@code archiveSchema}
     * names the schema that keeps the replaced tables.
     */
    public record ReplayProgress(String processor, String state, int fromVersion, int version, String schema,
                                 String archiveSchema, Instant startedAt, long startHead, long targetPosition,
                                 long position, long done, long total, double percent, boolean replaying,
                                 boolean finished, Double eventsPerSecond, Long etaSeconds, Instant switchedAt,
                                 String problem) {
    }

    public record DeadLetterView(String processingGroup, String sequenceIdentifier, String eventIdentifier,
                                 String payloadType, String cause, Instant enqueuedAt, Instant lastTouched) {
    }

    public List<ProcessorStatus> list() {
        long head = head();
        List<ProcessorStatus> result = new ArrayList<>();
        processing.eventProcessors().forEach((name, p) -> result.add(status(name, p, head)));
        rebuilds.greenProcessors().forEach((name, green) -> result.add(green(name, green, head)));
        return result;
    }

    public ProcessorStatus get(String name) {
        return status(name, processor(name), head());
    }

    /**
     * Rebuilds a read model (or a command-side lookup) beside its live tables, which keep answering until the rebuilt
     * ones have caught up and replace them in one transaction.
     */
    public ReplayProgress replay(String name) {
        return rebuilds.start(name);
    }

    public ReplayProgress progress(String name) {
        processor(name);
        return rebuilds.progress(name)
                .orElseThrow(() -> new UnknownResourceException("no rebuild of " + name + " since the service started"));
    }

    /** One page of the dead letters; {@code total}: how many there are in all. */
    public record DeadLetterPage(List<DeadLetterView> items, int page, int size, long total) {
    }

    /**
     * One page of the dead letters, the live processors' first, then the rebuilds'. A queue wholly before the page is
     * passed over by its size, and a queue is read only as far as the page needs (Axon reads its letters from the
     * database a page at a time): a failure that parked hundreds of thousands of events is never held in the heap at
     * once. The counts and the letters are read in
     * one repeatable-read transaction (the queues take the transaction's connection): while processors park letters,
     * the total is still the number of letters the pages hold, not a count taken a moment before them.
     */
    public DeadLetterPage deadLetters(int page, int size) {
        return snapshot.execute(status -> readPage(page, size));
    }

    private DeadLetterPage readPage(int page, int size) {
        Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new LinkedHashMap<>();
        for (String name : processing.eventProcessors().keySet()) {
            deadLetterQueue(name).ifPresent(q -> queues.put(name, q));
        }
        queues.putAll(rebuilds.greenDeadLetterQueues());
        long skip = (long) page * size;
        long total = 0;
        List<DeadLetterView> items = new ArrayList<>();
        for (Map.Entry<String, SequencedDeadLetterQueue<EventMessage<?>>> queue : queues.entrySet()) {
            long letters = queue.getValue().size();
            total += letters;
            if (skip >= letters) {
                skip -= letters;
                continue;
            }
            if (items.size() >= size) {
                continue;
            }
            read:
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.getValue().deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (items.size() >= size) {
                        break read;
                    }
                    if (skip > 0) {
                        skip--;
                    } else {
                        items.add(view(queue.getKey(), letter));
                    }
                }
            }
        }
        return new DeadLetterPage(items, page, size, total);
    }

    /** Retries the dead-letter sequence that starts with the given event; true when it was processed successfully. */
    public boolean retry(String eventIdentifier) {
        for (String name : processing.eventProcessors().keySet()) {
            var processor = processing.sequencedDeadLetterProcessor(name);
            if (processor.isPresent() && deadLetterQueue(name).map(q -> contains(q, eventIdentifier)).orElse(false)) {
                return processor.get().process(letter -> letter.message().getIdentifier().equals(eventIdentifier));
            }
        }
        return rebuilds.retry(eventIdentifier, q -> contains(q, eventIdentifier))
                .orElseThrow(() -> new UnknownResourceException("no dead letter for event " + eventIdentifier));
    }

    public long deadLetterCount(String name) {
        return deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** The store's head position, asked of the event store itself so it holds on Axon Server as on PostgreSQL. */
    public long head() {
        return rebuilds.head();
    }

    private static DeadLetterView view(String group, DeadLetter<? extends EventMessage<?>> letter) {
        return new DeadLetterView(group, null, letter.message().getIdentifier(),
                letter.message().getPayloadType().getName(),
                letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null),
                letter.enqueuedAt(), letter.lastTouched());
    }

    private static boolean contains(SequencedDeadLetterQueue<EventMessage<?>> q, String eventIdentifier) {
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : q.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letter.message().getIdentifier().equals(eventIdentifier)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetterQueue(String name) {
        try {
            return processing.deadLetterQueue(name);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private ProcessorStatus status(String name, EventProcessor p, long head) {
        long dead = deadLetterCount(name);
        ReplayProgress rebuild = rebuilds.progress(name).orElse(null);
        if (p instanceof StreamingEventProcessor s) {
            Collection<EventTrackerStatus> statuses = s.processingStatus().values();
            OptionalLong position = Rebuilds.minPosition(statuses);
            Long pos = position.isPresent() ? position.getAsLong() : null;
            return new ProcessorStatus(name, "streaming", s.isRunning(), s.isError(),
                    statuses.stream().anyMatch(EventTrackerStatus::isReplaying), pos, head,
                    pos == null ? null : Math.max(0, head - pos), dead, statuses.size(), rebuild);
        }
        boolean running = p instanceof SubscribingEventProcessor sp ? sp.isRunning() : p.isRunning();
        return new ProcessorStatus(name, "subscribing", running, p.isError(), false, null, head, 0L, dead, 0,
                rebuild);
    }

    private ProcessorStatus green(String name, StreamingEventProcessor green, long head) {
        Collection<EventTrackerStatus> statuses = green.processingStatus().values();
        OptionalLong position = Rebuilds.minPosition(statuses);
        Long pos = position.isPresent() ? position.getAsLong() : null;
        String group = name + Rebuilds.SUFFIX;
        long dead = rebuilds.greenDeadLetterQueues().entrySet().stream().filter(e -> e.getKey().equals(group))
                .mapToLong(e -> e.getValue().size()).sum();
        return new ProcessorStatus(group, "rebuild", green.isRunning(), green.isError(), true, pos, head,
                pos == null ? null : Math.max(0, head - pos), dead, statuses.size(),
                rebuilds.progress(name).orElse(null));
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name)
                .orElseThrow(() -> new UnknownResourceException("no event processor " + name));
    }
}
