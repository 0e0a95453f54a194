package vn.partyledger.command.directory;

import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import vn.partyledger.api.meeting.MeetingRetracted;
import vn.partyledger.api.meeting.MeetingScheduled;
import vn.partyledger.api.member.ActivitySuspended;
import vn.partyledger.api.member.ExistingMemberEnrolled;
import vn.partyledger.api.member.FullExemptionEnded;
import vn.partyledger.api.member.FullExemptionGranted;
import vn.partyledger.api.member.MemberAdmitted;
import vn.partyledger.api.member.MemberDeceased;
import vn.partyledger.api.member.MemberReinstated;
import vn.partyledger.api.member.MembershipMadeOfficial;
import vn.partyledger.api.member.ProbationaryRemoved;
import vn.partyledger.api.member.RollRemoved;
import vn.partyledger.api.member.TemporaryExemptionEnded;
import vn.partyledger.api.member.TemporaryExemptionGranted;
import vn.partyledger.api.member.TemporaryTransferEnded;
import vn.partyledger.api.member.TransferIssued;
import vn.partyledger.api.member.TransferKind;
import vn.partyledger.api.member.TransferReceived;
import vn.partyledger.api.rules.roll.RollFold;
import vn.partyledger.api.rules.roll.RollFold.Fact;
import vn.partyledger.api.rules.roll.RollFold.Kind;

/**
 * Keeps {@code cmd_roll_fact}/{@code cmd_roll_period} (the roll as of any date) and {@code cmd_meeting} current for the
 * meeting commands, in the subscribing processor of the directory, i.e. in the transaction that appends the events.
 * Facts are keyed by event id, so handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
class MeetingLookupProjection {

    private final NamedParameterJdbcTemplate jdbc;
    private final LookupWrites writes;

    MeetingLookupProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new LookupWrites(jdbc);
    }

    @EventHandler
    void on(MemberAdmitted e, @MessageIdentifier String eventId) {
        // On the roll from the admission decision, as the member roll read model has it (P6).
        fact(eventId, e.memberId(), e.decisionDate(), Kind.ADMITTED, e.organizationId());
    }

    @EventHandler
    void on(ExistingMemberEnrolled e, @MessageIdentifier String eventId) {
        fact(eventId, e.memberId(), e.admittedOn(), Kind.ENROLLED, e.organizationId());
        if (e.officialOn() != null) {
            fact(eventId + ":official", e.memberId(), e.officialOn(), Kind.MADE_OFFICIAL, null);
        }
    }

    @EventHandler
    void on(MembershipMadeOfficial e, @MessageIdentifier String eventId) {
        fact(eventId, e.memberId(), e.effectiveDate(), Kind.MADE_OFFICIAL, null);
    }

    @EventHandler
    void on(ProbationaryRemoved e, @MessageIdentifier String eventId) {
        fact(eventId, e.memberId(), e.removedOn(), Kind.PROBATION_ENDED, null);
    }

    @EventHandler
    void on(RollRemoved e, @MessageIdentifier String eventId) {
        fact(eventId, e.memberId(), e.removedOn(), Kind.ROLL_REMOVED, null);
    }

    @EventHandler
    void on(MemberDeceased e, @MessageIdentifier String eventId) {
        fact(eventId, e.memberId(), e.diedOn(), Kind.DECEASED, null);
    }

    @EventHandler
    void on(TransferIssued e, @MessageIdentifier String eventId) {
        fact(eventId, e.memberId(), e.issuedOn(), issued(e), null);
    }

    static Kind issued(TransferIssued e) {
        boolean outside = e.toOrganizationId() == null;
        if (e.kind() == TransferKind.OFFICIAL) {
            return outside ? Kind.OFFICIAL_TRANSFER_ISSUED_OUTSIDE : Kind.OFFICIAL_TRANSFER_ISSUED;
        }
        return outside ? Kind.TEMPORARY_TRANSFER_ISSUED_OUTSIDE : Kind.TEMPORARY_TRANSFER_ISSUED;
    }

    @EventHandler
    void on(TransferReceived e, @MessageIdentifier String eventId) {
        Kind kind = e.kind() == TransferKind.OFFICIAL ? Kind.OFFICIAL_TRANSFER_RECEIVED : Kind.TEMPORARY_TRANSFER_RECEIVED;
        fact(eventId, e.memberId(), e.receivedOn(), kind, e.organizationId());
    }

    @EventHandler
    void on(TemporaryTransferEnded e, @MessageIdentifier String eventId) {
        fact(eventId, e.memberId(), e.endedOn(), Kind.TEMPORARY_TRANSFER_ENDED, null);
    }

    @EventHandler
    void on(FullExemptionGranted e, @MessageIdentifier String eventId) {
        fact(eventId, e.memberId(), e.grantedOn(), Kind.FULL_EXEMPTION_GRANTED, null);
    }

    @EventHandler
    void on(FullExemptionEnded e, @MessageIdentifier String eventId) {
        fact(eventId, e.memberId(), e.endedOn(), Kind.FULL_EXEMPTION_ENDED, null);
    }

    @EventHandler
    void on(TemporaryExemptionGranted e, @MessageIdentifier String eventId) {
        fact(eventId, e.memberId(), e.from(), Kind.TEMPORARY_EXEMPTION_GRANTED, null);
    }

    @EventHandler
    void on(TemporaryExemptionEnded e, @MessageIdentifier String eventId) {
        fact(eventId, e.memberId(), e.endedOn(), Kind.TEMPORARY_EXEMPTION_ENDED, null);
    }

    @EventHandler
    void on(ActivitySuspended e, @MessageIdentifier String eventId) {
        fact(eventId, e.memberId(), e.suspendedOn(), Kind.SUSPENDED, null);
    }

    @EventHandler
    void on(MemberReinstated e, @MessageIdentifier String eventId) {
        fact(eventId, e.memberId(), e.reinstatedOn(), Kind.REINSTATED, null);
    }

    @EventHandler
    void on(MeetingScheduled e) {
        writes.update("""
                insert into cmd_meeting (meeting_id, organization_id, kind, held_on, month, regular, correction)
                values (:id, :org, :kind, :heldOn, :month, :regular, :correction)
                on conflict (meeting_id) do nothing""",
                new MapSqlParameterSource("id", e.meetingId())
                        .addValue("org", e.organizationId())
                        .addValue("kind", e.kind().name())
                        .addValue("heldOn", e.heldOn(), Types.DATE)
                        .addValue("month", YearMonth.from(e.heldOn()).toString())
                        .addValue("regular", e.kind().isRegular())
                        .addValue("correction", e.correction()));
    }

    /** A retracted meeting was never held: M1 no longer counts it, so the month's real meeting can be recorded. */
    @EventHandler
    void on(MeetingRetracted e) {
        writes.update("update cmd_meeting set retracted = true where meeting_id = :id", Map.of("id", e.meetingId()));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("truncate table cmd_roll_fact, cmd_roll_period, cmd_meeting");
    }

    private void fact(String eventId, String memberId, LocalDate on, Kind kind, String organizationId) {
        writes.update("""
                insert into cmd_roll_fact (event_id, member_id, effective_on, kind, organization_id)
                values (:eventId, :member, :on, :kind, :org)
                on conflict (event_id) do nothing""",
                new MapSqlParameterSource("eventId", eventId).addValue("member", memberId)
                        .addValue("on", on, Types.DATE).addValue("kind", kind.name()).addValue("org", organizationId));
        // Once per member and unit of work, after its facts are written: an enrolment's two facts fold once.
        writes.afterWrites("refold " + memberId, () -> refold(memberId));
    }

    private void refold(String memberId) {
        var member = new MapSqlParameterSource("member", memberId);
        // seq is the recording order: facts of one day apply in it.
        List<Fact> facts = jdbc.query("""
                        select seq, effective_on, kind, organization_id from cmd_roll_fact
                         where member_id = :member order by effective_on, seq""", member,
                (rs, n) -> new Fact(rs.getObject("effective_on", LocalDate.class), rs.getLong("seq"),
                        Kind.valueOf(rs.getString("kind")), rs.getString("organization_id"), null));
        jdbc.update("delete from cmd_roll_period where member_id = :member", member);
        SqlParameterSource[] rows = RollFold.fold(facts).periods().stream()
                .map(p -> new MapSqlParameterSource("member", memberId)
                .addValue("org", p.row().organizationId())
                .addValue("membership", p.row().membership().name())
                .addValue("fullyExempt", p.row().fullyExempt())
                .addValue("temporarilyExempt", p.row().temporarilyExempt())
                .addValue("suspended", p.row().suspended())
                .addValue("in", p.row().transferredIn())
                .addValue("out", p.row().transferredOut())
                .addValue("from", p.from(), Types.DATE)
                .addValue("to", p.to(), Types.DATE)).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into cmd_roll_period (member_id, organization_id, membership, fully_exempt, temporarily_exempt,
                    suspended, temporarily_transferred_in, temporarily_transferred_out, valid_from, valid_to)
                values (:member, :org, :membership, :fullyExempt, :temporarilyExempt, :suspended, :in, :out, :from, :to)""",
                rows);
    }
}
