package vn.partyledger.ops.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import vn.partyledger.verifier.Canonical;
import vn.partyledger.verifier.ChainCheck;
import vn.partyledger.verifier.EventRecord;

/**
 * Reads events for the chain from the {@code ledger_event} view, the same on PostgreSQL and on Axon Server (where a
 * mirror table fills it in Axon Server's commit order). Within a scope, positions up to the scope's head are committed.
 */
@Component
class LedgerEvents {

    static final String LEDGER_SCOPE = "ledger";
    private static final String COLUMNS = "global_index, scope_id, scope_seq, event_id, aggregate_id, aggregate_seq,"
            + " aggregate_type, payload_type, payload_revision, metadata, payload";
    private static final String RANGE = "SELECT " + COLUMNS
            + " FROM ledger_event WHERE scope_id = ? AND scope_seq BETWEEN ? AND ? ORDER BY scope_seq LIMIT ?";
    private static final String LINKS = "SELECT scope_seq, event_id, link FROM ledger_chain_link"
            + " WHERE scope_id = ? AND scope_seq BETWEEN ? AND ? ORDER BY scope_seq LIMIT ?";
    private static final RowMapper<EventRecord> EVENT = LedgerEvents::map;

    private final JdbcTemplate jdbc;

    LedgerEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<EventRecord> range(String scope, long fromSeq, long toSeq, int limit) {
        return jdbc.query(RANGE, EVENT, scope, fromSeq, toSeq, limit);
    }

    /** The stored links of positions {@code fromSeq..toSeq} of a scope, in order, at most {@code limit}. */
    List<ChainCheck.StoredLink> links(String scope, long fromSeq, long toSeq, int limit) {
        return jdbc.query(LINKS, (rs, row) -> new ChainCheck.StoredLink(rs.getLong("scope_seq"), rs.getString("event_id"),
                rs.getBytes("link")), scope, fromSeq, toSeq, limit);
    }

    /** An event as the chainer links it: its place in its scope, its id and its canonical bytes. */
    record Linkable(long scopeSeq, String eventId, byte[] canonicalBytes) {
    }

    /** {@link #range}, canonicalised straight from the stored texts ({@link EventRecord#canonicalBytes(long, String,
     * long, String, String, long, String, String, String, byte[], byte[])}). */
    List<Linkable> linkable(String scope, long fromSeq, long toSeq, int limit) {
        return jdbc.query(RANGE, (rs, row) -> new Linkable(rs.getLong("scope_seq"),
                rs.getString("event_id"), EventRecord.canonicalBytes(rs.getLong("global_index"),
                        rs.getString("scope_id"), rs.getLong("scope_seq"), rs.getString("event_id"),
                        rs.getString("aggregate_id"), rs.getLong("aggregate_seq"), rs.getString("aggregate_type"),
                        rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("metadata"),
                        rs.getBytes("payload"))), scope, fromSeq, toSeq, limit);
    }

    private static EventRecord map(ResultSet rs, int row) throws SQLException {
        byte[] metadata = rs.getBytes("metadata");
        return new EventRecord(rs.getLong("global_index"), rs.getString("scope_id"), rs.getLong("scope_seq"),
                rs.getString("event_id"), rs.getString("aggregate_id"), rs.getLong("aggregate_seq"),
                rs.getString("aggregate_type"), rs.getString("payload_type"), rs.getString("payload_revision"),
                metadata == null ? null : Canonical.parse(metadata), Canonical.parse(rs.getBytes("payload")));
    }
}
