package vn.partyledger.ops.processors;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.deadletter.Decisions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's default logs a failing event handler and moves on: for an audit ledger that is silent data loss. Here a
 * failure propagates (the subscribing command-side directory then fails the command and nothing is stored), and a
 * read model's failure parks the event and everything after it in the same sequence in the dead-letter queue, logged
 * at ERROR and counted in {@code ledger.deadletters.enqueued}. Operators see and retry them under /api/v1/ops.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    @Autowired
    void configure(EventProcessingConfigurer processing, MeterRegistry meters) {
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        processing.registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
        processing.registerDefaultDeadLetterPolicy(c -> (letter, cause) -> {
            if (cause instanceof ReadModelBatches.BatchFailure) {
                // Not this event's own failure: its batch rolls back and the retry applies the events one at a time,
                // which dead-letters the one that really fails.
                return Decisions.doNotEnqueue();
            }
            log.error("Projection failed on event {} ({}); parked in the dead-letter queue",
                    letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(), cause);
            meters.counter("ledger.deadletters.enqueued", "payloadType", letter.message().getPayloadType().getSimpleName())
                    .increment();
            return Decisions.enqueue(cause);
        });
    }
}
