package vn.partyledger.ops.processors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * Operator's view of event processors: positions, lag, dead letters, and replay (stop, reset tokens, rebuild, start)
 * with progress. Resetting needs this node to own every segment's claim, which holds on the single-node default; on a
 * cluster, run the replay on one node while the others have the processor stopped.
 */
@Service
public class ProcessorAdmin {

    private static final Logger log = LoggerFactory.getLogger(ProcessorAdmin.class);

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<TrackedEventMessage<?>> eventStore;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, ReplayRun> replays = new ConcurrentHashMap<>();

    ProcessorAdmin(EventProcessingConfiguration processing, EventStore eventStore, Clock clock, MeterRegistry meters) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.clock = clock;
        this.meters = meters;
    }

    public record ProcessorStatus(String name, String mode, boolean running, boolean error, boolean replaying,
                                  Long position, long head, Long lag, long deadLetters, int segments) {
    }

    public record ReplayProgress(String processor, Instant startedAt, long fromPosition, long targetPosition,
                                 long position, double percent, boolean replaying, boolean finished,
                                 Double eventsPerSecond, Long etaSeconds) {
    }

    public record DeadLetterView(String processingGroup, String sequenceIdentifier, String eventIdentifier,
                                 String payloadType, String cause, Instant enqueuedAt, Instant lastTouched) {
    }

    private record ReplayRun(Instant startedAt, long target) {
    }

    public List<ProcessorStatus> list() {
        long head = head();
        List<ProcessorStatus> result = new ArrayList<>();
        processing.eventProcessors().forEach((name, p) -> result.add(status(name, p, head)));
        return result;
    }

    public ProcessorStatus get(String name) {
        return status(name, processor(name), head());
    }

    public ReplayProgress replay(String name) {
        StreamingEventProcessor p = streaming(name);
        if (!p.supportsReset()) {
            throw LedgerRefusalException.conflict("processor " + name + " cannot be reset");
        }
        long target = head();
        log.warn("Replaying processor {} up to position {}", name, target);
        p.shutDown();
        p.resetTokens();
        replays.put(name, new ReplayRun(clock.instant(), target));
        Gauge.builder("ledger.replay.progress", () -> progress(name).percent() / 100.0)
                .tag("processor", name).description("share of the event store a replay has rebuilt")
                .register(meters);
        p.start();
        return progress(name);
    }

    public ReplayProgress progress(String name) {
        StreamingEventProcessor p = streaming(name);
        ReplayRun run = replays.get(name);
        if (run == null) {
            throw new UnknownResourceException("no replay of " + name + " since the service started");
        }
        Collection<EventTrackerStatus> statuses = p.processingStatus().values();
        long position = minPosition(statuses).orElse(-1L);
        boolean replaying = statuses.stream().anyMatch(EventTrackerStatus::isReplaying);
        // Axon keeps a segment's ReplayToken until an event *after* the reset point arrives, so "replaying" can stay
        // true on a quiet ledger: the rebuild is finished once every segment has reached the target position.
        boolean finished = !statuses.isEmpty() && position >= run.target();
        double percent = run.target() <= 0 ? 100.0 : Math.min(100.0, 100.0 * Math.max(position, 0) / run.target());
        double seconds = Math.max(0.001, Duration.between(run.startedAt(), clock.instant()).toMillis() / 1000.0);
        Double rate = position > 0 ? position / seconds : null;
        Long eta = null;
        if (finished) {
            eta = 0L;
        } else if (rate != null) {
            eta = (long) Math.ceil(Math.max(0, run.target() - position) / rate);
        }
        return new ReplayProgress(name, run.startedAt(), 0, run.target(), position, percent, replaying, finished, rate, eta);
    }

    public List<DeadLetterView> deadLetters() {
        List<DeadLetterView> result = new ArrayList<>();
        for (String name : processing.eventProcessors().keySet()) {
            deadLetterQueue(name).ifPresent(q -> {
                for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : q.deadLetters()) {
                    for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                        result.add(new DeadLetterView(name, null, letter.message().getIdentifier(),
                                letter.message().getPayloadType().getName(),
                                letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null),
                                letter.enqueuedAt(), letter.lastTouched()));
                    }
                }
            });
        }
        return result;
    }

    /** Retries the dead-letter sequence that starts with the given event; true when it was processed successfully. */
    public boolean retry(String eventIdentifier) {
        for (String name : processing.eventProcessors().keySet()) {
            var processor = processing.sequencedDeadLetterProcessor(name);
            if (processor.isPresent() && deadLetterQueue(name).map(q -> contains(q, eventIdentifier)).orElse(false)) {
                return processor.get().process(letter -> letter.message().getIdentifier().equals(eventIdentifier));
            }
        }
        throw new UnknownResourceException("no dead letter for event " + eventIdentifier);
    }

    public long deadLetterCount(String name) {
        return deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** The store's head position, asked of the event store itself so it holds on Axon Server as on PostgreSQL. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
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
        if (p instanceof StreamingEventProcessor s) {
            Collection<EventTrackerStatus> statuses = s.processingStatus().values();
            OptionalLong position = minPosition(statuses);
            Long pos = position.isPresent() ? position.getAsLong() : null;
            return new ProcessorStatus(name, "streaming", s.isRunning(), s.isError(),
                    statuses.stream().anyMatch(EventTrackerStatus::isReplaying), pos, head,
                    pos == null ? null : Math.max(0, head - pos), dead, statuses.size());
        }
        boolean running = p instanceof SubscribingEventProcessor sp ? sp.isRunning() : p.isRunning();
        return new ProcessorStatus(name, "subscribing", running, p.isError(), false, null, head, 0L, dead, 0);
    }

    private static OptionalLong minPosition(Collection<EventTrackerStatus> statuses) {
        return statuses.stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name)
                .orElseThrow(() -> new UnknownResourceException("no event processor " + name));
    }

    private StreamingEventProcessor streaming(String name) {
        EventProcessor p = processor(name);
        if (!(p instanceof StreamingEventProcessor s)) {
            throw LedgerRefusalException.conflict(name + " is a subscribing processor: it has no tokens to replay");
        }
        return s;
    }
}
