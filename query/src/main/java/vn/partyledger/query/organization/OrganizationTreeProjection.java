package vn.partyledger.query.organization;

import java.sql.Types;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import vn.partyledger.query.BatchWrites;
import vn.partyledger.query.ProjectionPositions;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.organization.LiaisonAssigned;
import vn.partyledger.api.organization.LiaisonEnded;
import vn.partyledger.api.organization.OfficerAssigned;
import vn.partyledger.api.organization.OfficerRemoved;
import vn.partyledger.api.organization.OrganizationDissolved;
import vn.partyledger.api.organization.OrganizationEstablished;
import vn.partyledger.api.organization.OrganizationMerged;
import vn.partyledger.api.organization.OrganizationReparented;
import vn.partyledger.api.organization.RegularMeetingDaySet;

/**
 * Organisation tree with its history: parents, officers, liaisons and meeting days by business date, and ended
 * organisations kept (the 2025 reorganisation closed every district; inspectors still ask about 2019). Queries are in
 * {@link OrganizationQueries}.
 */
@Component
@ProcessingGroup(OrganizationTreeProjection.NAME)
public class OrganizationTreeProjection {

    public static final String NAME = "organization-tree";
    /** Bump when the tables or their meaning change: answers built by another version are not comparable. */
    public static final int VERSION = 1;

    /** Why an organisation ended when it was merged (a dissolution carries its own reason). */
    static final String MERGED = "merged";

    private final NamedParameterJdbcTemplate jdbc;

    public OrganizationTreeProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrganizationEstablished e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                insert into org_tree_organization (organization_id, name, level, cell_type, grassroots, established_on,
                                                   last_position)
                values (:org, :name, :level, :cellType, :grassroots, :on, :position)
                on conflict (organization_id) do update set name = excluded.name, level = excluded.level,
                    cell_type = excluded.cell_type, grassroots = excluded.grassroots,
                    established_on = excluded.established_on, last_position = excluded.last_position""",
                params(e.organizationId(), position)
                        .addValue("name", e.name())
                        .addValue("level", e.level() == null ? null : e.level().name())
                        .addValue("cellType", e.cellType() == null ? null : e.cellType().name())
                        .addValue("grassroots", e.grassroots())
                        .addValue("on", e.establishedOn(), Types.DATE));
        addParent(e.organizationId(), e.parentId(), e.establishedOn(), position);
        advance(position);
    }

    @EventHandler
    void on(OrganizationReparented e, TrackingToken token) {
        long position = position(token);
        addParent(e.organizationId(), e.newParentId(), e.effectiveOn(), position);
        touch(e.organizationId(), position);
        advance(position);
    }

    @EventHandler
    void on(OrganizationMerged e, TrackingToken token) {
        end(e.organizationId(), e.effectiveOn(), MERGED, e.survivorId(), position(token));
    }

    @EventHandler
    void on(OrganizationDissolved e, TrackingToken token) {
        end(e.organizationId(), e.effectiveOn(), e.reason(), null, position(token));
    }

    @EventHandler
    void on(OfficerAssigned e, TrackingToken token) {
        long position = position(token);
        // `to` (like every end date here) is the first day the post is no longer held.
        BatchWrites.update(jdbc, """
                insert into org_tree_officer_period (organization_id, member_id, role, valid_from, valid_to, last_position)
                values (:org, :member, :role, :from, :to, :position)
                on conflict (organization_id, member_id, role, valid_from) do update
                    set valid_to = excluded.valid_to, last_position = excluded.last_position""",
                params(e.organizationId(), position)
                        .addValue("member", e.memberId())
                        .addValue("role", e.role().name())
                        .addValue("from", e.from(), Types.DATE)
                        .addValue("to", e.to(), Types.DATE));
        advance(position);
    }

    @EventHandler
    void on(OfficerRemoved e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                update org_tree_officer_period set valid_to = :on, last_position = :position
                 where organization_id = :org and member_id = :member and role = :role
                   and valid_from <= :on and (valid_to is null or valid_to > :on)""",
                params(e.organizationId(), position)
                        .addValue("member", e.memberId())
                        .addValue("role", e.role().name())
                        .addValue("on", e.endedOn(), Types.DATE));
        advance(position);
    }

    @EventHandler
    void on(RegularMeetingDaySet e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                insert into org_tree_meeting_day (organization_id, effective_from, day_of_month, committee_prep_day,
                                                  last_position)
                values (:org, :from, :day, :prepDay, :position)
                on conflict (organization_id, effective_from) do update set day_of_month = excluded.day_of_month,
                    committee_prep_day = excluded.committee_prep_day, last_position = excluded.last_position""",
                params(e.organizationId(), position)
                        .addValue("from", e.effectiveFrom(), Types.DATE)
                        .addValue("day", e.dayOfMonth())
                        .addValue("prepDay", e.committeePrepDay(), Types.INTEGER));
        advance(position);
    }

    @EventHandler
    void on(LiaisonAssigned e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                insert into org_tree_liaison_period (organization_id, liaison_member_id, superior_organization_id,
                                                     visits, visit_period, valid_from, last_position)
                values (:org, :liaison, :superior, :visits, :per, :from, :position)
                on conflict (organization_id, liaison_member_id, valid_from) do update
                    set superior_organization_id = excluded.superior_organization_id, visits = excluded.visits,
                        visit_period = excluded.visit_period, last_position = excluded.last_position""",
                params(e.organizationId(), position)
                        .addValue("liaison", e.liaisonMemberId())
                        .addValue("superior", e.superiorOrganizationId())
                        .addValue("visits", e.visitQuota() == null ? null : e.visitQuota().visits(), Types.INTEGER)
                        .addValue("per", e.visitQuota() == null || e.visitQuota().per() == null
                                ? null : e.visitQuota().per().name())
                        .addValue("from", e.from(), Types.DATE));
        advance(position);
    }

    @EventHandler
    void on(LiaisonEnded e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                update org_tree_liaison_period set valid_to = :on, last_position = :position
                 where organization_id = :org and liaison_member_id = :liaison
                   and valid_from <= :on and (valid_to is null or valid_to > :on)""",
                params(e.organizationId(), position)
                        .addValue("liaison", e.liaisonMemberId())
                        .addValue("on", e.endedOn(), Types.DATE));
        advance(position);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from org_tree_meeting_day", Map.of());
        jdbc.update("delete from org_tree_liaison_period", Map.of());
        jdbc.update("delete from org_tree_officer_period", Map.of());
        jdbc.update("delete from org_tree_parent_period", Map.of());
        jdbc.update("delete from org_tree_organization", Map.of());
        jdbc.update("delete from projection_position where projection = :projection",
                new MapSqlParameterSource("projection", NAME));
    }

    private void end(String organizationId, LocalDate on, String reason, String mergedInto, long position) {
        var p = params(organizationId, position)
                .addValue("on", on, Types.DATE)
                .addValue("reason", reason)
                .addValue("mergedInto", mergedInto);
        BatchWrites.update(jdbc, """
                update org_tree_organization set ended_on = :on, end_reason = :reason, merged_into = :mergedInto,
                       last_position = :position
                 where organization_id = :org""", p);
        // Posts and liaisons end with the organisation; later dates would otherwise still list them.
        BatchWrites.update(jdbc, """
                update org_tree_officer_period set valid_to = :on, last_position = :position
                 where organization_id = :org and valid_from <= :on and (valid_to is null or valid_to > :on)""", p);
        BatchWrites.update(jdbc, """
                update org_tree_liaison_period set valid_to = :on, last_position = :position
                 where organization_id = :org and valid_from <= :on and (valid_to is null or valid_to > :on)""", p);
        recomputeParentPeriods(organizationId, position);
        advance(position);
    }

    private void addParent(String organizationId, String parentId, LocalDate from, long position) {
        BatchWrites.update(jdbc, """
                insert into org_tree_parent_period (organization_id, parent_id, valid_from, opened_position, last_position)
                values (:org, :parent, :from, :position, :position)
                on conflict (organization_id, opened_position) where opened_position >= 0 do nothing""",
                params(organizationId, position)
                        .addValue("parent", parentId)
                        .addValue("from", from, Types.DATE));
        recomputeParentPeriods(organizationId, position);
    }

    // Each parent holds until the next one takes over (or the organisation ends); deriving valid_to from the ordered
    // versions keeps O6 (one parent on any date) true even when a reparenting is recorded after a later one.
    private void recomputeParentPeriods(String organizationId, long position) {
        BatchWrites.update(jdbc, """
                update org_tree_parent_period p
                   set valid_to = n.next_from, last_position = greatest(p.last_position, :position)
                  from (select pp.id,
                               least(lead(pp.valid_from) over (order by pp.valid_from, pp.opened_position, pp.id),
                                     o.ended_on) as next_from
                          from org_tree_parent_period pp
                          join org_tree_organization o on o.organization_id = pp.organization_id
                         where pp.organization_id = :org) n
                 where p.id = n.id and p.valid_to is distinct from n.next_from""",
                params(organizationId, position));
    }

    private void touch(String organizationId, long position) {
        BatchWrites.update(jdbc, "update org_tree_organization set last_position = :position where organization_id = :org",
                params(organizationId, position));
    }

    private void advance(long position) {
        ProjectionPositions.advance(jdbc, NAME, position);
    }

    private static MapSqlParameterSource params(String organizationId, long position) {
        return new MapSqlParameterSource("org", organizationId).addValue("position", position);
    }

    private static long position(TrackingToken token) {
        return ProjectionPositions.of(token);
    }
}
