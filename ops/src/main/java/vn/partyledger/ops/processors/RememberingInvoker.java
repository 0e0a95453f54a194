package vn.partyledger.ops.processors;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nonnull;
import javax.annotation.Nullable;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.SubscribableMessageSource;
import org.springframework.context.annotation.Bean;

/**
 * The event handlers of a live processor, remembering which types of event none of them takes.
 * For every event a pooled processor reads, its coordinator asks by payload type and then by message, its work package
 * asks again by message, and Axon answers each time by asking every handler method through its wrappers: three
 * quarters of the coordinators' samples, about a tenth of the service's, in a profile of whole-meeting ingest, almost
 * all of it for the six read models that take no attendance. The rebuilds' processors remember per handler
 * ({@link RememberingHandler}); this does it for the live ones, which Axon's Spring configuration builds itself.
 *
 * <p>What is remembered is whether any handler method takes a payload type at all, which depends on the type alone. A
 * message of a type some method takes is asked about in full every time: whether it is taken also depends on its
 * segment, on whether it is being replayed and on its parameters.
 */
final class RememberingInvoker implements EventHandlerInvoker {

    private final EventHandlerInvoker delegate;
    private final Map<Class<?>, Boolean> takesType = new ConcurrentHashMap<>();

    RememberingInvoker(EventHandlerInvoker delegate) {
        this.delegate = delegate;
    }

    EventHandlerInvoker delegate() {
        return delegate;
    }

    @Override
    public boolean canHandle(@Nonnull EventMessage<?> eventMessage, @Nonnull Segment segment) {
        return canHandleType(eventMessage.getPayloadType()) && delegate.canHandle(eventMessage, segment);
    }

    @Override
    public boolean canHandleType(@Nonnull Class<?> payloadType) {
        return takesType.computeIfAbsent(payloadType, delegate::canHandleType);
    }

    @Override
    public void handle(@Nonnull EventMessage<?> message, @Nonnull Segment segment) throws Exception {
        delegate.handle(message, segment);
    }

    @Override
    public boolean supportsReset() {
        return delegate.supportsReset();
    }

    @Override
    public void performReset() {
        delegate.performReset();
    }

    @Override
    public <R> void performReset(@Nullable R resetContext) {
        delegate.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        delegate.segmentReleased(segment);
    }

    /**
     * Axon's event processing, with the handlers of every pooled processor (the read models) and every subscribing one
     * (the command side's lookups) behind a {@link RememberingInvoker}.
     */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Module {

        @Bean
        EventProcessingModule eventProcessingModule() {
            return new EventProcessingModule() {
                @Override
                protected EventProcessor pooledStreamingEventProcessor(
                        String name, EventHandlerInvoker eventHandlerInvoker, Configuration config,
                        StreamableMessageSource<TrackedEventMessage<?>> messageSource,
                        EventProcessingConfigurer.PooledStreamingProcessorConfiguration processorConfiguration) {
                    return super.pooledStreamingEventProcessor(name, new RememberingInvoker(eventHandlerInvoker),
                            config, messageSource, processorConfiguration);
                }

                /** The command side's lookups, asked about every event of every command inside its transaction. */
                @Override
                protected EventProcessor subscribingEventProcessor(
                        String name, EventHandlerInvoker eventHandlerInvoker,
                        SubscribableMessageSource<? extends EventMessage<?>> messageSource) {
                    return super.subscribingEventProcessor(name, new RememberingInvoker(eventHandlerInvoker),
                            messageSource);
                }
            };
        }
    }
}
