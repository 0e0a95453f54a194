package vn.partyledger.ops.processors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.Nonnull;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;

/**
 * What operators watch per event processor, live or rebuilding: the events it applied ({@code ledger.processor.applied})
 * and how old the last one was when it was applied ({@code ledger.processor.latency}, milliseconds), on meters
 * registered once per processor.
 *
 * <p>This replaces Axon's Micrometer monitors (off: {@code axon.metrics.auto-configuration.enabled=false}). Those look a
 * timer up by name and tags and update four meters for every event every processor is offered, whether it applies the
 * event or ignores it: on a 45-event meeting, the six read models that ignore attendance spent about half of their
 * coordinators' time in them (profiled, bench/README). An ignored event now costs one small callback object. The
 * command, event and query buses had Axon's monitors too; nothing read them (command latency is
 * {@code http_server_requests}).
 */
final class ProcessorMonitor implements MessageMonitor<Message<?>> {

    private final Counter applied;
    private final AtomicLong latencyMillis = new AtomicLong();
    private final Clock clock;

    private ProcessorMonitor(String processor, MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.applied = Counter.builder("ledger.processor.applied").tag("processor", processor)
                .description("events the processor applied").register(meters);
        Gauge.builder("ledger.processor.latency", latencyMillis, AtomicLong::get).tag("processor", processor)
                .baseUnit("milliseconds").description("age of the last applied event when it was applied")
                .register(meters);
    }

    static ProcessorMonitor of(String processor, MeterRegistry meters, Clock clock) {
        return new ProcessorMonitor(processor, meters, clock);
    }

    /** For every event processor the configuration builds; nothing for the buses. */
    static ConfigurerModule forEveryProcessor(MeterRegistry meters, Clock clock) {
        return configurer -> configurer.configureMessageMonitor(c -> (componentType, name) ->
                EventProcessor.class.isAssignableFrom(componentType)
                        ? of(name, meters, clock)
                        : NoOpMessageMonitor.instance());
    }

    @Override
    public MonitorCallback onMessageIngested(@Nonnull Message<?> message) {
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                applied.increment();
                if (message instanceof EventMessage<?> event) {
                    latencyMillis.set(clock.millis() - event.getTimestamp().toEpochMilli());
                }
            }

            @Override
            public void reportFailure(Throwable cause) {
                // failures are counted where they are parked (ledger.deadletters.enqueued)
            }

            @Override
            public void reportIgnored() {
                // an event type the processor has no handler for
            }
        };
    }
}
