package vn.partyledger.ops.processors;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class ProcessorMonitorTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Instant now = Instant.parse("2026-11-27T08:00:00Z");
    private final ProcessorMonitor monitor = ProcessorMonitor.of("member-roll", meters,
            Clock.fixed(now, ZoneOffset.UTC));

    private static GenericEventMessage<String> eventAt(Instant timestamp) {
        return new GenericEventMessage<>("id-" + timestamp, "fact", MetaData.emptyInstance(), timestamp);
    }

    @Test
    void countsAppliedEventsAndTheAgeOfTheLastOne() {
        monitor.onMessageIngested(eventAt(now.minusSeconds(5))).reportSuccess();
        monitor.onMessageIngested(eventAt(now.minusMillis(250))).reportSuccess();

        assertThat(meters.get("ledger.processor.applied").tag("processor", "member-roll").counter().count())
                .isEqualTo(2);
        assertThat(meters.get("ledger.processor.latency").tag("processor", "member-roll").gauge().value())
                .isEqualTo(250);
    }

    @Test
    void anIgnoredOrFailedEventIsNotCountedAsApplied() {
        monitor.onMessageIngested(eventAt(now.minusSeconds(1))).reportIgnored();
        monitor.onMessageIngested(eventAt(now.minusSeconds(1))).reportFailure(new IllegalStateException("parked"));

        assertThat(meters.get("ledger.processor.applied").tag("processor", "member-roll").counter().count())
                .isZero();
        assertThat(meters.get("ledger.processor.latency").tag("processor", "member-roll").gauge().value()).isZero();
    }
}
