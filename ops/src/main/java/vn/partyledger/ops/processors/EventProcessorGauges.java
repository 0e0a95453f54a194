package vn.partyledger.ops.processors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lag and dead-letter counts per processor as gauges, next to the applied events and their latency, and the store's head: its
 * rate is the ledger's ingest in events per second, counted once for all nodes sharing the store.
 */
@Component
class EventProcessorGauges {

    private final ProcessorAdmin admin;
    private final MeterRegistry meters;

    EventProcessorGauges(ProcessorAdmin admin, MeterRegistry meters) {
        this.admin = admin;
        this.meters = meters;
    }

    /** Applied events and their latency per processor (ProcessorMonitor), in place of Axon's per-event monitors. */
    @Bean
    static ConfigurerModule processorMonitors(MeterRegistry meters, Clock clock) {
        return ProcessorMonitor.forEveryProcessor(meters, clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        Gauge.builder("ledger.events.head", admin::head)
                .description("global position of the newest stored event").register(meters);
        admin.list().forEach(status -> {
            String name = status.name();
            Gauge.builder("ledger.deadletters", () -> admin.deadLetterCount(name))
                    .tag("processor", name).description("events parked in the dead-letter queue").register(meters);
            Gauge.builder("ledger.processor.lag", () -> {
                        Long lag = admin.get(name).lag();
                        return lag == null ? Double.NaN : lag;
                    })
                    .tag("processor", name).description("positions between the store's head and the processor")
                    .register(meters);
        });
    }
}
