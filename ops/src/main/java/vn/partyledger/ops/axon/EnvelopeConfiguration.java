package vn.partyledger.ops.axon;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.api.envelope.Envelope;
import vn.partyledger.api.envelope.Fact;
import vn.partyledger.api.envelope.OrganizationScoped;
import vn.partyledger.ops.security.CurrentActor;

/**
 * Puts the event envelope on every message. Commands get actor (from the authenticated principal), recordedAt (server
 * clock) and occurredOn (from the command) at dispatch, overwriting anything a caller put there; correlation data
 * providers copy them onto every event the command produces; an event interceptor adds the organisation scope.
 */
@Configuration(proxyBeanMethods = false)
class EnvelopeConfiguration {

    // Static: the Axon configuration needs these providers before this class's instance (which needs the buses) exists.
    @Bean
    static Clock clock() {
        return Clock.systemUTC();
    }

    /** The envelope keys a command hands down to its events. */
    @Bean
    static CorrelationDataProvider envelopeCorrelation() {
        return new SimpleCorrelationDataProvider(Envelope.ACTOR, Envelope.OCCURRED_ON, Envelope.RECORDED_AT,
                Envelope.AUTHORITY, Envelope.CORRECTS_EVENT_ID, Envelope.REASON);
    }

    /** correlationId = the root of the causal chain, causationId = the direct cause. */
    @Bean
    static CorrelationDataProvider causationCorrelation() {
        return message -> {
            Map<String, Object> data = new HashMap<>();
            Object root = message.getMetaData().get(Envelope.CORRELATION_ID);
            data.put(Envelope.CORRELATION_ID, root != null ? root : message.getIdentifier());
            data.put(Envelope.CAUSATION_ID, message.getIdentifier());
            return data;
        };
    }

    @Autowired
    void registerInterceptors(CommandBus commandBus, EventBus eventBus, CurrentActor currentActor, Clock clock) {
        commandBus.registerDispatchInterceptor(new CommandEnvelope(currentActor, clock));
        eventBus.registerDispatchInterceptor(new EventScope());
    }

    static final class CommandEnvelope implements MessageDispatchInterceptor<CommandMessage<?>> {
        private final CurrentActor currentActor;
        private final Clock clock;

        CommandEnvelope(CurrentActor currentActor, Clock clock) {
            this.currentActor = currentActor;
            this.clock = clock;
        }

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                Map<String, Object> metaData = new HashMap<>(command.getMetaData());
                // Only the server decides who acted and when it was recorded.
                metaData.put(Envelope.ACTOR, currentActor.asMetaData());
                metaData.put(Envelope.RECORDED_AT, clock.instant().toString());
                if (command.getPayload() instanceof Fact fact && fact.occurredOn() != null) {
                    metaData.put(Envelope.OCCURRED_ON, fact.occurredOn().toString());
                }
                metaData.putIfAbsent(Envelope.CORRELATION_ID, command.getIdentifier());
                return command.withMetaData(metaData);
            };
        }
    }

    static final class EventScope implements MessageDispatchInterceptor<EventMessage<?>> {
        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
            return (index, event) -> event.getPayload() instanceof OrganizationScoped scoped
                    && scoped.organizationId() != null
                    ? event.andMetaData(Map.of(Envelope.SCOPE, scoped.organizationId()))
                    : event;
        }
    }

}
