package vn.partyledger.ops;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.organization.OrganizationEstablished;
import vn.partyledger.query.BatchWrites;

/**
 * A read model with bugs, for the dead-letter tests: it fails on organisations whose name contains "FAIL" while
 * {@link #broken}, and its statement fails in PostgreSQL (a bad cast, which aborts the transaction) on organisations
 * whose name contains "SQLFAIL" while {@link #sqlBroken}.
 */
@Component
@ProcessingGroup(FailingProjection.GROUP)
class FailingProjection {

    static final String GROUP = "test-failing-projection";
    static volatile boolean broken = true;
    static volatile boolean sqlBroken = true;
    static final Set<String> seen = ConcurrentHashMap.newKeySet();

    private final NamedParameterJdbcTemplate jdbc;

    FailingProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrganizationEstablished e) {
        if (broken && e.name().contains("FAIL") && !e.name().contains("SQLFAIL")) {
            throw new IllegalStateException("simulated projection bug");
        }
        BatchWrites.update(jdbc, """
                insert into projection_position (projection, position) values (:projection, cast(:position as bigint))
                on conflict (projection) do nothing""",
                new MapSqlParameterSource("projection", GROUP)
                        .addValue("position", sqlBroken && e.name().contains("SQLFAIL") ? e.name() : "0"));
        seen.add(e.organizationId());
    }
}
