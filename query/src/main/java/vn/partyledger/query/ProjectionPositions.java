package vn.partyledger.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.partyledger.api.provenance.Provenance;

/**
 * Replay provenance shared by every read model: the global position of the event being applied, and the highest
 * position each projection has reflected (table {@code projection_position}), which answers quote.
 */
public final class ProjectionPositions {

    private static final String PENDING = ProjectionPositions.class.getName() + ".pending";

    private ProjectionPositions() {
    }

    /** The event's global position; -1 when applied outside a streaming processor. */
    public static long of(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /**
     * Records that {@code projection} has applied the event at {@code position}. Inside a processor's batch the row is
     * written once, when the batch commits: the segments of one projection share that row, and writing it per event
     * held its lock for the whole batch, so the segments waited for each other.
     */
    public static void advance(NamedParameterJdbcTemplate jdbc, String projection, long position) {
        if (!CurrentUnitOfWork.isStarted()) {
            write(jdbc, projection, position);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<String, Long> pending = batch.getOrComputeResource(PENDING, key -> {
            Map<String, Long> positions = new HashMap<>();
            batch.onPrepareCommit(u -> positions.forEach((name, p) -> write(jdbc, name, p)));
            return positions;
        });
        pending.merge(projection, position, Math::max);
    }

    /**
     * Provenance of an answer that reads the tables of {@code reads}: the lowest position among them (an answer that joins
     * several read models promises only what all have reflected; one that has applied nothing yet does not hold the
     * others back) and the latest time one of them changed.
     */
    public static Provenance provenance(NamedParameterJdbcTemplate jdbc, String projection, int version,
                                        List<String> reads) {
        return jdbc.queryForObject("""
                        select min(position) as position, max(updated_at) as updated_at
                          from projection_position where projection in (:names)""",
                new MapSqlParameterSource("names", reads),
                (rs, n) -> {
                    long position = rs.getObject("position") == null ? -1 : rs.getLong("position");
                    java.sql.Timestamp updated = rs.getTimestamp("updated_at");
                    return new Provenance(projection, version, position, updated == null ? null : updated.toInstant());
                });
    }

    private static void write(NamedParameterJdbcTemplate jdbc, String projection, long position) {
        jdbc.update("""
                insert into projection_position (projection, position) values (:projection, :position)
                on conflict (projection) do update
                    set position = greatest(projection_position.position, excluded.position), updated_at = now()""",
                new MapSqlParameterSource("projection", projection).addValue("position", position));
    }
}
