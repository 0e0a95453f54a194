package vn.partyledger.query.organization;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.envelope.Envelope;
import vn.partyledger.api.organization.OrganizationFactsCorrected;
import vn.partyledger.query.BatchWrites;
import vn.partyledger.query.ProjectionPositions;

/**
 * The organisation tree's corrections (docs/decisions/0011): each {@link OrganizationFactsCorrected} is kept as a row
 * with the instant the ledger learnt it, and {@link OrganizationQueries} lays the latest one known at the read's
 * instant over the recorded organisation. Part of the organization-tree read model (same processing group, so it is
 * replayed and reset with it), in a class of its own so the projection's batched writes stay untouched by it.
 */
@Component
@ProcessingGroup(OrganizationTreeProjection.NAME)
public class OrganizationCorrections {

    private final NamedParameterJdbcTemplate jdbc;

    public OrganizationCorrections(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrganizationFactsCorrected e, TrackingToken token,
            @MetaDataValue(Envelope.RECORDED_AT) String recordedAt) {
        long position = ProjectionPositions.of(token);
        BatchWrites.update(jdbc, """
                insert into org_tree_correction (organization_id, position, name, cell_type, established_on,
                                                 corrects_event_id, recorded_at, last_position)
                values (:org, :position, :name, :cellType, :on, :corrects, :recordedAt, :position)
                on conflict (organization_id, position) do nothing""",
                new MapSqlParameterSource("org", e.organizationId()).addValue("position", position)
                        .addValue("name", e.name())
                        .addValue("cellType", e.cellType() == null ? null : e.cellType().name())
                        .addValue("on", e.establishedOn(), Types.DATE)
                        .addValue("corrects", e.correctsEventId())
                        .addValue("recordedAt", OffsetDateTime.parse(recordedAt), Types.TIMESTAMP_WITH_TIMEZONE));
        ProjectionPositions.advance(jdbc, OrganizationTreeProjection.NAME, position);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from org_tree_correction", Map.of());
    }
}
