package vn.partyledger.ops.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import vn.partyledger.api.envelope.Envelope;

/**
 * The append of one unit of work (docs/decisions/0006, "numbered by the writer"): the scope heads it appends to are
 * advanced by the number of its events in one statement — which locks them, in sorted order, until commit — and each
 * row is inserted with its scope sequence and its envelope columns already filled from the metadata written with it.
 * The insert trigger then only draws the transaction id and the position. Before, the trigger parsed each row's
 * metadata as jsonb and upserted its scope head once per row (45 updates of one locked row for a 45-event meeting);
 * whole meetings from 8 clients ran about 15% faster without that.
 *
 * <p>The columns are derived exactly as the trigger derives them for any other writer: the same metadata keys, the
 * text of each value, and the same casts ({@code date}, {@code timestamptz}) done by PostgreSQL.
 */
final class ScopedAppend implements AppendEventsStatementBuilder {

    /**
     * Advances each head by its count and answers its new last number; the rows are inserted (and so locked) in
     * scope order, so two appends to the same scopes never deadlock.
     */
    private static final String ADVANCE_HEADS = """
            INSERT INTO ledger_scope_head AS h (scope_id, seq)
            SELECT s, n FROM unnest(?::varchar[], ?::bigint[]) AS t(s, n) ORDER BY s
            ON CONFLICT (scope_id) DO UPDATE SET seq = h.seq + excluded.seq
            RETURNING h.scope_id, h.seq""";

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        List<String> scopes = events.stream().map(LedgerEventStorageEngine::scopeOf).toList();
        Map<String, Long> next = advanceHeads(connection, scopes);
        String sql = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields()
                + ", scope_id, scope_seq, occurred_on, recorded_at, actor_user_id, corrects_event_id) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,CAST(? AS date),CAST(? AS timestamptz),?,?)";
        PreparedStatement statement = connection.prepareStatement(sql);
        StoredTimestamp timestamps = new StoredTimestamp();
        for (int i = 0; i < events.size(); i++) {
            DomainEventMessage<?> event = asDomainEvent(events.get(i));
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            statement.setString(5, timestamps.text(event.getTimestamp()));
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setObject(8, payload.getData());
            statement.setObject(9, metaData.getData());
            MetaData meta = event.getMetaData();
            String scope = scopes.get(i);
            statement.setString(10, scope);
            statement.setLong(11, next.merge(scope, 1L, Long::sum) - 1);
            statement.setString(12, text(meta.get(Envelope.OCCURRED_ON)));
            statement.setString(13, text(meta.get(Envelope.RECORDED_AT)));
            statement.setString(14,
                    meta.get(Envelope.ACTOR) instanceof Map<?, ?> actor ? text(actor.get("userId")) : null);
            statement.setString(15, text(meta.get(Envelope.CORRECTS_EVENT_ID)));
            statement.addBatch();
        }
        return statement;
    }

    /** Each scope's first free number for this append, after advancing its head past all of this append's events. */
    private static Map<String, Long> advanceHeads(Connection connection, List<String> scopes) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        scopes.forEach(scope -> counts.merge(scope, 1L, Long::sum));
        Map<String, Long> next = new HashMap<>();
        try (PreparedStatement advance = connection.prepareStatement(ADVANCE_HEADS)) {
            advance.setArray(1, connection.createArrayOf("varchar", counts.keySet().toArray()));
            advance.setArray(2, connection.createArrayOf("bigint", counts.values().toArray()));
            try (ResultSet rs = advance.executeQuery()) {
                while (rs.next()) {
                    String scope = rs.getString(1);
                    next.put(scope, rs.getLong(2) - counts.get(scope) + 1);
                }
            }
        }
        return next;
    }

    /**
     * Axon's stored timestamp text ({@link DateTimeUtils#formatInstant}: UTC, milliseconds, truncated; what the engine's
     * {@code writeTimestamp}, which the ledger does not override, would write through the {@code TimestampWriter}),
     * formatted once per millisecond: the events of one command are mostly created within the same few milliseconds,
     * and formatting each one was a tenth of the append's time in a profile of whole meetings.
     */
    static final class StoredTimestamp {
        private long millisecond = Long.MIN_VALUE;
        private String text;

        String text(Instant timestamp) {
            long ms = timestamp.toEpochMilli();
            if (ms != millisecond || text == null) {
                text = DateTimeUtils.formatInstant(timestamp);
                millisecond = ms;
            }
            return text;
        }
    }

    /** What PostgreSQL's {@code ->>} gives for a scalar: its text (every envelope value the ledger writes is one). */
    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain) {
            return domain;
        }
        // As Axon's own append does: an event without an aggregate is stored under its own identifier.
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
