package vn.partyledger.ops.processors;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.ops.storage.NewEvents;

/**
 * The event store as every pooled processor's source, with streams that call their processor back when a new event
 * arrives ({@link NewEvents}) instead of leaving it to look every 500 ms: a read-your-write read waits for the slowest
 * of seven processors, so that poll alone cost about half a second (issue 14). A stream the store can call back itself
 * (Axon Server's) keeps its own call-back. Axon still looks again on its own every few seconds, so events of another
 * node are seen even without a call-back.
 */
@Configuration(proxyBeanMethods = false)
class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final NewEvents newEvents;

    WakingEventSource(org.axonframework.eventsourcing.eventstore.EventStore store, NewEvents newEvents) {
        this.store = store;
        this.newEvents = newEvents;
    }

    @Bean
    static NewEvents newEvents() {
        return new NewEvents();
    }

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> builder.messageSource(this));
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Waking(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    private final class Waking implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> stream;
        private volatile Registration callback;

        private Waking(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            if (stream.setOnAvailableCallback(onAvailable)) {
                return true;
            }
            Registration previous = callback;
            callback = newEvents.onNewEvent(onAvailable);
            if (previous != null) {
                previous.cancel();
            }
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Registration registered = callback;
            if (registered != null) {
                registered.cancel();
            }
            stream.close();
        }
    }
}
