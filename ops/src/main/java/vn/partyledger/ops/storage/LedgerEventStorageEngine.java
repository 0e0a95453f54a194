package vn.partyledger.ops.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import vn.partyledger.api.envelope.Envelope;

/**
 * Axon's JDBC storage engine, made safe against out-of-order commits (docs/decisions/0006).
 *
 * <p>Positions ({@code globalindex}) are drawn when a row is inserted, but transactions commit in any order, so a reader
 * sees holes that may still fill. Axon keeps such a hole in its {@link GapAwareTrackingToken} only for 60 s or 10,000
 * positions and then forgets it: a transaction committing later is never delivered (AxonFramework#4829). Here a hole is
 * never forgotten on a timer. It is dropped only when it is <em>provably</em> empty. The insert trigger gives a
 * transaction its id before it draws a position, so the holder of a hole had its id before the reader saw the hole. The
 * first time this engine meets a hole it takes a transaction id of its own — necessarily larger than the holder's — as
 * the hole's bound. Once the oldest running transaction is past the bound, the holder has ended; a hole that is still
 * not visible then was rolled back and is dropped. Readers never wait for a slow transaction: later events are
 * delivered at once and the hole is read when it commits.
 */
class LedgerEventStorageEngine extends JdbcEventStorageEngine {

    /** The scope of events that belong to no organisation (ledger-wide facts); the same literal as the insert trigger. */
    static final String LEDGER_SCOPE = "ledger";

    /** For each gap: is it visible now, and the oldest running transaction, both from one snapshot. */
    private static final String GAPS = """
            SELECT g, EXISTS (SELECT 1 FROM domainevententry e WHERE e.globalindex = g),
                   pg_snapshot_xmin(pg_current_snapshot())::text::bigint
            FROM unnest(?::bigint[]) AS g""";

    private static final String FRESH_TRANSACTION_ID = "SELECT pg_current_xact_id()::text::bigint";

    private static final int MAX_REMEMBERED_GAPS = 50_000;

    /** Marks a gap known to be empty forever. */
    private static final long SETTLED = Long.MIN_VALUE;

    /**
     * Per gap, a transaction id assigned after the gap was first seen (larger than the id of its holder), or SETTLED.
     * Only this node's memory: a gap this node has not bounded yet is bounded when it first meets it.
     */
    private final Map<Long, Long> gapBounds = new ConcurrentHashMap<>();

    private static final String LAST_POSITION = "SELECT currval('domainevententry_globalindex_seq')";

    private final TransactionManager transactionManager;
    private final StreamReaders readers;
    private final SharedEventWindow window;
    private final Convoy convoy;
    /** Held by the convoy member reading the database; the others wait, then find its rows in the window. */
    private final Object convoyReads = new Object();
    private final NewEvents newEvents;

    /** With the service's default window (20,000 events) and nobody to wake: for tests of the store alone. */
    LedgerEventStorageEngine(Builder builder, TransactionManager transactionManager) {
        this(builder, transactionManager, 20_000, new NewEvents());
    }

    LedgerEventStorageEngine(Builder builder, TransactionManager transactionManager, int sharedWindow,
                             NewEvents newEvents) {
        super(builder
                .transactionManager(transactionManager)
                // Never forget a gap on a timer or a distance: settledGaps decides when a gap is gone.
                .gapTimeout(Integer.MAX_VALUE)
                .maxGapOffset(Integer.MAX_VALUE)
                .gapCleaningThreshold(Integer.MAX_VALUE)
                .appendEvents(new ScopedAppend()));
        this.transactionManager = transactionManager;
        this.readers = new StreamReaders(System::nanoTime);
        this.window = new SharedEventWindow(sharedWindow, readers);
        this.convoy = Convoy.forWindow(sharedWindow, readers);
        this.newEvents = newEvents;
    }

    /** Appends as {@link ScopedAppend} numbers them, then remembers the position of the last one. */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        super.appendEvents(events, serializer);
        if (!events.isEmpty()) {
            transactionManager.executeInTransaction(this::rememberLastPosition);
        }
    }

    /** currval: the position the insert trigger last drew in this session, i.e. of this append's last event. */
    private void rememberLastPosition() {
        try (PreparedStatement statement = getConnection().prepareStatement(LAST_POSITION);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            AppendedPosition.remember(rs.getLong(1));
        } catch (SQLException e) {
            throw new EventStoreException("Failed to read the position of the events just appended", e);
        }
    }

    static String scopeOf(EventMessage<?> event) {
        Object scope = event.getMetaData().get(Envelope.SCOPE);
        return scope != null ? scope.toString() : LEDGER_SCOPE;
    }

    /**
     * Every stream of this node — each processor's own while it catches up, and the event store's shared tail — reads
     * through the shared window: an event is read from the database and upcast once while the window holds it, and
     * its payload is deserialized once (the message is shared; each reader only gets its own token). The tail's reads
     * ({@code mayBlock}) wake the processors waiting for new events ({@link NewEvents}).
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<TrackedEventMessage<?>> messages = readEventData(trackingToken, mayBlock).flatMap(this::messagesOf);
        return mayBlock ? newEvents.signalling(messages) : messages;
    }

    private Stream<TrackedEventMessage<?>> messagesOf(TrackedEventData<?> data) {
        SharedEventWindow.Entry entry = data instanceof SharedEventWindow.Read read
                ? read.entry
                : new SharedEventWindow.Entry(-1, (DomainEventData<?>) data);
        TrackingToken token = data.trackingToken();
        return entry.messages(this::upcast).stream().map(message -> message.withTrackingToken(token));
    }

    private List<TrackedEventMessage<?>> upcast(SharedEventWindow.Entry entry) {
        // Upcast alone, under a placeholder token that every reader replaces with its own.
        return EventUtils.upcastAndDeserializeTrackedEvents(
                        Stream.of(new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(0, Set.of()),
                                entry.row)), getEventSerializer(), upcasterChain)
                .toList();
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken known = (GapAwareTrackingToken) lastToken;
        String reader = Thread.currentThread().getName();
        boolean member = Convoy.member();
        long position = known == null ? -1 : known.getIndex();
        readers.at(reader, position, member);
        if (known != null) {
            known = withoutKnownSettledGaps(known);
            // No database work at all when the window holds what comes next (not even a transaction).
            List<SharedEventWindow.Read> shared = fromWindow(known, batchSize);
            if (!shared.isEmpty()) {
                return shared;
            }
        }
        if (member) {
            convoy.beforeDatabaseRead(reader, position);
            // Members travelling together reach the same rows at the same moment: one of them reads the database
            // while the others wait for it and take the rows from the window.
            synchronized (convoyReads) {
                List<SharedEventWindow.Read> shared = fromWindow(known, batchSize);
                return shared.isEmpty() ? fromDatabase(known, batchSize) : shared;
            }
        }
        return fromDatabase(known, batchSize);
    }

    private List<SharedEventWindow.Read> fromWindow(GapAwareTrackingToken known, int batchSize) {
        return known == null || known.hasGaps() ? List.of() : window.after(known, batchSize);
    }

    private List<? extends TrackedEventData<?>> fromDatabase(GapAwareTrackingToken start, int batchSize) {
        return transactionManager.fetchInTransaction(() -> {
            GapAwareTrackingToken token = start;
            if (token != null && token.hasGaps()) {
                // Decided with a snapshot taken before the read below: a gap found settled here was rolled back, and
                // anything that committed before that snapshot is visible to the read.
                token = withoutSettledGaps(token);
            }
            List<? extends TrackedEventData<?>> read = super.fetchTrackedEvents(token, batchSize);
            return shared(token, read);
        });
    }

    /** The rows of a database read, kept in the window and handed out as its shared entries. */
    private List<SharedEventWindow.Read> shared(GapAwareTrackingToken token, List<? extends TrackedEventData<?>> read) {
        if (read.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<Long, DomainEventData<?>>> rows = new ArrayList<>(read.size());
        for (TrackedEventData<?> data : read) {
            rows.add(Map.entry(((PositionedEventData) data).position, (DomainEventData<?>) data));
        }
        List<SharedEventWindow.Entry> entries = window.remember(token == null ? 0 : token.getIndex(), rows);
        List<SharedEventWindow.Read> reads = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            reads.add(new SharedEventWindow.Read((GapAwareTrackingToken) read.get(i).trackingToken(), entries.get(i)));
        }
        return reads;
    }

    /** Drops the gaps this node has already proven empty for good, without asking the database again. */
    private GapAwareTrackingToken withoutKnownSettledGaps(GapAwareTrackingToken token) {
        if (!token.hasGaps()) {
            return token;
        }
        List<Long> open = new ArrayList<>(token.getGaps().size());
        for (long gap : token.getGaps()) {
            Long bound = gapBounds.get(gap);
            if (bound == null || bound != SETTLED) {
                open.add(gap);
            }
        }
        return open.size() == token.getGaps().size() ? token : GapAwareTrackingToken.newInstance(token.getIndex(), open);
    }

    private GapAwareTrackingToken withoutSettledGaps(GapAwareTrackingToken token) {
        SortedSet<Long> settled = new TreeSet<>();
        List<Long> unbounded = new ArrayList<>();
        Connection connection = getConnection();
        try {
            try (PreparedStatement statement = connection.prepareStatement(GAPS)) {
                statement.setArray(1, connection.createArrayOf("bigint", token.getGaps().toArray()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        long gap = rs.getLong(1);
                        boolean visible = rs.getBoolean(2);
                        long oldestRunning = rs.getLong(3);
                        Long bound = gapBounds.get(gap);
                        if (visible) {
                            // Filled: the read below delivers it.
                            gapBounds.remove(gap);
                        } else if (bound == null) {
                            unbounded.add(gap);
                        } else if (bound == SETTLED || oldestRunning > bound) {
                            // Its holder has ended without committing it, as of this very snapshot: the position
                            // stays empty forever. Remembered, because the token carrying the gap is only stored
                            // with the next event read.
                            settled.add(gap);
                            gapBounds.put(gap, SETTLED);
                        }
                    }
                }
            }
            if (!unbounded.isEmpty()) {
                // Assigned now, after every one of these gaps was seen: larger than each holder's id.
                try (PreparedStatement statement = connection.prepareStatement(FRESH_TRANSACTION_ID);
                     ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    long bound = rs.getLong(1);
                    unbounded.forEach(gap -> gapBounds.putIfAbsent(gap, bound));
                }
            }
        } catch (SQLException e) {
            throw new EventStoreException("Failed to check the gaps of " + token, e);
        }
        if (gapBounds.size() > MAX_REMEMBERED_GAPS) {
            // Forgetting a bound is always safe: the gap is simply bounded again, later, when next seen.
            long lowest = token.getGaps().first();
            gapBounds.keySet().removeIf(gap -> gap < lowest);
        }
        if (settled.isEmpty()) {
            return token;
        }
        List<Long> open = new ArrayList<>(token.getGaps());
        open.removeAll(settled);
        return GapAwareTrackingToken.newInstance(token.getIndex(), open);
    }

    /**
     * Keeps every gap: the stock engine drops them when the event read is older than the gap timeout. The row is read
     * here as the stock engine reads it (the same columns; no aggregate for an event that is not a domain event), with
     * its timestamp parsed once ({@link StoredEventRow}).
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        String aggregateIdentifier = resultSet.getString(schema().aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema().eventIdentifierColumn());
        DomainEventData<?> read = new StoredEventRow(
                resultSet.getString(schema().typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema().sequenceNumberColumn()),
                eventIdentifier,
                StoredEventRow.timestamp(resultSet.getString(schema().timestampColumn())),
                resultSet.getString(schema().payloadTypeColumn()),
                resultSet.getString(schema().payloadRevisionColumn()),
                readPayload(resultSet, schema().payloadColumn()),
                readPayload(resultSet, schema().metaDataColumn()));
        long position = resultSet.getLong(schema().globalIndexColumn());
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(position,
                        LongStream.range(1, position).boxed().collect(Collectors.toCollection(TreeSet::new)))
                : previousToken.advanceTo(position, Integer.MAX_VALUE);
        return new PositionedEventData(token, read, position);
    }

    /** A row read from the database with its global position (which a gap's token does not tell). */
    private static final class PositionedEventData extends TrackedDomainEventData<Object> {
        final long position;

        @SuppressWarnings("unchecked")
        PositionedEventData(TrackingToken token, DomainEventData<?> row, long position) {
            super(token, (DomainEventData<Object>) row);
            this.position = position;
        }
    }

    /**
     * Position 0: "before every event". (The head token stays Axon's — the newest position, without gaps — because the
     * ledger only measures progress with it; processors start from the tail.) Axon's tail token (the first stored position minus one) would pass a lower
     * position still held by a running transaction; from 0 such a position is a gap until it settles.
     */
    @Override
    public TrackingToken createTailToken() {
        return GapAwareTrackingToken.newInstance(0, Set.of());
    }

}
