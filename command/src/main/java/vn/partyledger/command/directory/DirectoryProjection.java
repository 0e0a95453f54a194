package vn.partyledger.command.directory;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.member.CandidateRegistered;
import vn.partyledger.api.member.ExistingMemberEnrolled;
import vn.partyledger.api.member.MemberAdmitted;
import vn.partyledger.api.member.MemberDeceased;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.member.MembershipMadeOfficial;
import vn.partyledger.api.member.ProbationaryRemoved;
import vn.partyledger.api.member.RollRemoved;
import vn.partyledger.api.member.TransferIssued;
import vn.partyledger.api.member.TransferKind;
import vn.partyledger.api.member.TransferReceived;
import vn.partyledger.api.organization.OrganizationDissolved;
import vn.partyledger.api.organization.OrganizationEstablished;
import vn.partyledger.api.organization.OrganizationFactsCorrected;
import vn.partyledger.api.organization.OrganizationMerged;
import vn.partyledger.api.organization.OrganizationReparented;

/**
 * Keeps {@code cmd_organization} and {@code cmd_member} current for the command side. Meant to run in a subscribing
 * processor, in the transaction that appends the events, so that the next command never decides on a stale tree. Every
 * write is an upsert or an idempotent update, so a replay after {@link #reset()} rebuilds the same rows.
 */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
class DirectoryProjection {

    static final String PROCESSING_GROUP = "command-directory";

    private final NamedParameterJdbcTemplate jdbc;
    private final LookupWrites writes;

    DirectoryProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new LookupWrites(jdbc);
    }

    @EventHandler
    void on(OrganizationEstablished e) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", e.organizationId());
        p.put("level", e.level().name());
        p.put("cellType", e.cellType() == null ? null : e.cellType().name());
        p.put("parentId", e.parentId());
        p.put("grassroots", e.grassroots());
        p.put("on", e.establishedOn());
        writes.update("""
                insert into cmd_organization
                       (organization_id, level, cell_type, parent_id, grassroots, active, established_on, ended_on)
                values (:id, :level, :cellType, :parentId, :grassroots, true, :on, null)
                on conflict (organization_id) do update
                   set level = excluded.level, cell_type = excluded.cell_type, parent_id = excluded.parent_id,
                       grassroots = excluded.grassroots, active = true, established_on = excluded.established_on,
                       ended_on = null""", p);
    }

    /** A corrected cell type or establishment date is what the next command decides on. */
    @EventHandler
    void on(OrganizationFactsCorrected e) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", e.organizationId());
        p.put("cellType", e.cellType() == null ? null : e.cellType().name());
        p.put("on", e.establishedOn());
        writes.update("update cmd_organization set cell_type = :cellType, established_on = :on where organization_id = :id",
                p);
    }

    @EventHandler
    void on(OrganizationReparented e) {
        writes.update("update cmd_organization set parent_id = :parentId where organization_id = :id",
                Map.of("id", e.organizationId(), "parentId", e.newParentId()));
    }

    @EventHandler
    void on(OrganizationMerged e) {
        end(e.organizationId(), e.effectiveOn());
    }

    @EventHandler
    void on(OrganizationDissolved e) {
        end(e.organizationId(), e.effectiveOn());
    }

    @EventHandler
    void on(CandidateRegistered e) {
        upsert(e.memberId(), e.organizationId(), MemberStatus.CANDIDATE, null);
    }

    @EventHandler
    void on(MemberAdmitted e) {
        upsert(e.memberId(), e.organizationId(), MemberStatus.PROBATIONARY, null);
    }

    @EventHandler
    void on(MembershipMadeOfficial e) {
        upsert(e.memberId(), e.organizationId(), MemberStatus.OFFICIAL, e.effectiveDate());
    }

    /** A member admitted before the ledger existed enters it already probationary or official. */
    @EventHandler
    void on(ExistingMemberEnrolled e) {
        MemberStatus status = e.officialOn() == null ? MemberStatus.PROBATIONARY : MemberStatus.OFFICIAL;
        upsert(e.memberId(), e.organizationId(), status, e.officialOn());
    }

    @EventHandler
    void on(ProbationaryRemoved e) {
        status(e.memberId(), MemberStatus.PROBATION_ENDED);
    }

    @EventHandler
    void on(RollRemoved e) {
        status(e.memberId(), MemberStatus.ROLL_REMOVED);
    }

    @EventHandler
    void on(MemberDeceased e) {
        status(e.memberId(), MemberStatus.DECEASED);
    }

    /** A temporary transfer leaves the member on the home roll (P9), so only an official one changes the row. */
    @EventHandler
    void on(TransferIssued e) {
        if (e.kind() != TransferKind.OFFICIAL) {
            return;
        }
        MemberStatus next = e.toOrganizationId() == null ? MemberStatus.TRANSFERRED_OUT : MemberStatus.TRANSFER_PENDING;
        // The guard keeps the status held before the transfer even if the same event is handled twice.
        writes.update("""
                update cmd_member
                   set prior_status = case when status in ('TRANSFER_PENDING', 'TRANSFERRED_OUT')
                                           then prior_status else status end,
                       status = :status
                 where member_id = :id""", Map.of("id", e.memberId(), "status", next.name()));
    }

    @EventHandler
    void on(TransferReceived e) {
        if (e.kind() != TransferKind.OFFICIAL) {
            return;
        }
        writes.update("""
                update cmd_member
                   set organization_id = :organizationId, status = coalesce(prior_status, status), prior_status = null
                 where member_id = :id""", Map.of("id", e.memberId(), "organizationId", e.organizationId()));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("truncate table cmd_organization, cmd_member");
    }

    private void end(String organizationId, LocalDate endedOn) {
        writes.update("update cmd_organization set active = false, ended_on = :on where organization_id = :id",
                Map.of("id", organizationId, "on", endedOn));
    }

    private void upsert(String memberId, String organizationId, MemberStatus status, LocalDate officialSince) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", memberId);
        p.put("organizationId", organizationId);
        p.put("status", status.name());
        p.put("officialSince", officialSince);
        writes.update("""
                insert into cmd_member (member_id, organization_id, status, prior_status, official_since)
                values (:id, :organizationId, :status, null, :officialSince)
                on conflict (member_id) do update
                   set organization_id = excluded.organization_id, status = excluded.status,
                       prior_status = null, official_since = excluded.official_since""", p);
    }

    private void status(String memberId, MemberStatus status) {
        writes.update("update cmd_member set status = :status where member_id = :id",
                Map.of("id", memberId, "status", status.name()));
    }
}
