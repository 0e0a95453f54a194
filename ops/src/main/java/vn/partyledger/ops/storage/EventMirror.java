package vn.partyledger.ops.storage;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * With Axon Server as the event store (profile {@code axonserver}), copies every event into
 * {@code ledger_event_mirror} in Axon Server's own order — its global order is its commit order — so the scope, the
 * per-scope sequence and the envelope columns exist there too and histories, chains and bundles read the same
 * {@code ledger_event} view on either store (docs/decisions/0006). One segment, one thread: the mirror's insert order is
 * Axon Server's order, and the insert trigger numbers each scope in it. The row and the processor's token are written
 * in one transaction, so each event is mirrored exactly once; a failure is retried, never parked, because a parked event
 * would let later events of its scope overtake it.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
@ProcessingGroup(EventMirror.GROUP)
@DisallowReplay
class EventMirror {

    static final String GROUP = "event-mirror";

    // Inserting through a SELECT skips an event already mirrored without firing the numbering trigger for it.
    private static final String INSERT = """
            INSERT INTO ledger_event_mirror (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,
                                             metadata, payload, payloadrevision, payloadtype, timestamp)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM ledger_event_mirror WHERE eventidentifier = ?)""";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    EventMirror(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        var data = event.serializePayload(serializer, byte[].class);
        var metaData = event.serializeMetaData(serializer, byte[].class);
        jdbc.update(INSERT,
                token.position().orElseThrow(() -> new IllegalStateException("no position in " + token)),
                domain != null ? domain.getAggregateIdentifier() : null,
                domain != null ? domain.getSequenceNumber() : null,
                domain != null ? domain.getType() : null,
                event.getIdentifier(),
                metaData.getData(),
                data.getData(),
                data.getType().getRevision(),
                data.getType().getName(),
                event.getTimestamp().toString(),
                event.getIdentifier());
    }
}
