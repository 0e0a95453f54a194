package vn.partyledger.query;

import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Replay provenance shared by every read model: the global position of the event being applied, and the highest
 * position each projection has reflected (table {@code projection_position}), which answers quote.
 */
public final class ProjectionPositions {

    private ProjectionPositions() {
    }

    /** The event's global position; -1 when applied outside a streaming processor. */
    public static long of(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    public static void advance(NamedParameterJdbcTemplate jdbc, String projection, long position) {
        jdbc.update("""
                insert into projection_position (projection, position) values (:projection, :position)
                on conflict (projection) do update
                    set position = greatest(projection_position.position, excluded.position)""",
                new MapSqlParameterSource("projection", projection).addValue("position", position));
    }
}
