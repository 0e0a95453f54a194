package vn.partyledger.query.meeting;

import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import vn.partyledger.query.BatchWrites;
import vn.partyledger.query.ProjectionPositions;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.meeting.AgendaItemDiscussed;
import vn.partyledger.api.meeting.AttendanceCorrected;
import vn.partyledger.api.meeting.AttendanceRecorded;
import vn.partyledger.api.envelope.Envelope;
import java.time.OffsetDateTime;
import vn.partyledger.api.meeting.FeeReportPresented;
import vn.partyledger.api.meeting.GuestAttended;
import vn.partyledger.api.meeting.MaterialsPublished;
import vn.partyledger.api.meeting.MeetingClosed;
import vn.partyledger.api.meeting.MeetingOpened;
import vn.partyledger.api.meeting.MeetingRetracted;
import vn.partyledger.api.meeting.MeetingScheduled;
import vn.partyledger.api.meeting.MinutesAmended;
import vn.partyledger.api.meeting.ResolutionAdopted;
import vn.partyledger.api.meeting.ResolutionRejected;
import vn.partyledger.api.meeting.ResolutionSubject;
import vn.partyledger.api.rules.RuleOutcome;

/**
 * The minutes of every cell meeting, row by row, for the meeting register, attendance risk and liaison visits. Writes
 * only its own tables; every write is an upsert or keyed by the event's position, so redelivery and replay after
 * {@link #reset()} give the same rows.
 */
@Component
@ProcessingGroup(MeetingRegisterProjection.NAME)
public class MeetingRegisterProjection {

    public static final String NAME = "meeting-register";
    /**
     * Bump when the tables or their meaning change. Version 3: a meeting's roll is a jsonb column of its row instead of
     * the table meeting_register_roll; a ledger built by version 2 rebuilds beside the migrated live tables.
     */
    public static final int VERSION = 3;

    private final NamedParameterJdbcTemplate jdbc;

    public MeetingRegisterProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MeetingScheduled e, TrackingToken token, @MetaDataValue(Envelope.RECORDED_AT) String recordedAt) {
        long position = position(token);
        BatchWrites.keyed(jdbc, """
                insert into meeting_register_meeting (meeting_id, organization_id, kind, held_on, correction, state,
                                                      agenda, last_position, recorded_at)
                values (:meeting, :org, :kind, :heldOn, :correction, 'SCHEDULED', :agenda, :position, :recordedAt)
                on conflict (meeting_id) do update set organization_id = excluded.organization_id,
                    kind = excluded.kind, held_on = excluded.held_on, correction = excluded.correction,
                    agenda = excluded.agenda, last_position = excluded.last_position""",
                params(e.meetingId(), position)
                        .addValue("org", e.organizationId())
                        .addValue("kind", e.kind().name())
                        .addValue("heldOn", e.heldOn(), Types.DATE)
                        .addValue("correction", e.correction())
                        .addValue("agenda", e.agenda().toArray(String[]::new))
                        .addValue("recordedAt", instant(recordedAt), Types.TIMESTAMP_WITH_TIMEZONE), e.meetingId());
        advance(position);
    }

    @EventHandler
    void on(MaterialsPublished e, TrackingToken token) {
        long position = position(token);
        BatchWrites.keyed(jdbc, """
                update meeting_register_meeting set materials_published_on = :on, materials_channel = :channel,
                       last_position = :position where meeting_id = :meeting""",
                params(e.meetingId(), position).addValue("on", e.publishedOn(), Types.DATE)
                        .addValue("channel", e.channel()), e.meetingId());
        advance(position);
    }

    @EventHandler
    void on(MeetingOpened e, TrackingToken token) {
        long position = position(token);
        var r = e.roll();
        // The roll is one jsonb value on the meeting's row, not a row per member: the copy of 40 rows per meeting was
        // most of the meeting register's writes (issue 14).
        BatchWrites.keyed(jdbc, """
                update meeting_register_meeting set state = 'OPEN', held_on = :heldOn, chair_member_id = :chair,
                       minutes_secretary_id = :secretary, roll_official = :official,
                       roll_probationary = :probationary, roll_exempt = :exempt, roll_transferred_in = :in,
                       roll_transferred_out = :out, roll_required = :required, roll = cast(:roll as jsonb),
                       last_position = :position
                 where meeting_id = :meeting""",
                params(e.meetingId(), position).addValue("heldOn", e.heldOn(), Types.DATE)
                        .addValue("chair", e.chairMemberId()).addValue("secretary", e.minutesSecretaryMemberId())
                        .addValue("official", r.official()).addValue("probationary", r.probationary())
                        .addValue("exempt", r.exempt()).addValue("in", r.temporarilyTransferredIn())
                        .addValue("out", r.temporarilyTransferredOut()).addValue("required", r.requiredToAttend())
                        .addValue("roll", RollJson.write(r.members())), e.meetingId());
        advance(position);
    }

    @EventHandler
    void on(AttendanceRecorded e, TrackingToken token, @MetaDataValue(Envelope.RECORDED_AT) String recordedAt) {
        long position = position(token);
        BatchWrites.keyed(jdbc, """
                insert into meeting_register_attendance (meeting_id, member_id, organization_id, held_on, status,
                                                         reason, reason_accepted, last_position, recorded_at)
                values (:meeting, :member, :org, :heldOn, :status, :reason, :accepted, :position, :recordedAt)
                on conflict (meeting_id, member_id) do nothing""",
                params(e.meetingId(), position).addValue("member", e.memberId()).addValue("org", e.organizationId())
                        .addValue("heldOn", e.heldOn(), Types.DATE).addValue("status", e.status().name())
                        .addValue("reason", e.reason()).addValue("accepted", e.reasonAccepted(), Types.BOOLEAN)
                        .addValue("recordedAt", instant(recordedAt), Types.TIMESTAMP_WITH_TIMEZONE), e.meetingId());
        advance(position);
    }

    /**
     * Kept beside the original row, not over it: a query "known at T" takes the latest correction recorded by T, and
     * the meeting's figures as the correction re-judged them.
     */
    @EventHandler
    void on(AttendanceCorrected e, TrackingToken token, @MetaDataValue(Envelope.RECORDED_AT) String recordedAt) {
        long position = position(token);
        BatchWrites.keyed(jdbc, """
                insert into meeting_register_attendance_correction (meeting_id, position, member_id, status, reason,
                    reason_accepted, corrects_event_id, attended, required_to_attend, absent_without_reason,
                    recorded_at, last_position)
                values (:meeting, :position, :member, :status, :reason, :accepted, :corrects, :attended, :required,
                    :absent, :recordedAt, :position)
                on conflict (meeting_id, position) do nothing""",
                params(e.meetingId(), position).addValue("member", e.memberId()).addValue("status", e.status().name())
                        .addValue("reason", e.reason()).addValue("accepted", e.reasonAccepted(), Types.BOOLEAN)
                        .addValue("corrects", e.correctsEventId()).addValue("attended", e.attended())
                        .addValue("required", e.requiredToAttend()).addValue("absent", e.absentWithoutReason())
                        .addValue("recordedAt", instant(recordedAt), Types.TIMESTAMP_WITH_TIMEZONE), e.meetingId());
        advance(position);
    }

    @EventHandler
    void on(MeetingRetracted e, TrackingToken token, @MetaDataValue(Envelope.RECORDED_AT) String recordedAt) {
        long position = position(token);
        BatchWrites.keyed(jdbc, """
                insert into meeting_register_retraction (meeting_id, corrects_event_id, recorded_at, last_position)
                values (:meeting, :corrects, :recordedAt, :position)
                on conflict (meeting_id) do nothing""",
                params(e.meetingId(), position).addValue("corrects", e.correctsEventId())
                        .addValue("recordedAt", instant(recordedAt), Types.TIMESTAMP_WITH_TIMEZONE), e.meetingId());
        advance(position);
    }

    @EventHandler
    void on(GuestAttended e, TrackingToken token) {
        long position = position(token);
        BatchWrites.keyed(jdbc, """
                insert into meeting_register_guest (meeting_id, position, organization_id, held_on, person_id,
                    full_name, org_level, role, guest_organization_id, last_position)
                values (:meeting, :position, :org, :heldOn, :person, :name, :level, :role, :guestOrg, :position)
                on conflict (meeting_id, position) do nothing""",
                params(e.meetingId(), position).addValue("org", e.organizationId())
                        .addValue("heldOn", e.heldOn(), Types.DATE).addValue("person", e.guest().personId())
                        .addValue("name", e.guest().fullName()).addValue("level", e.guest().orgLevel())
                        .addValue("role", e.guest().role()).addValue("guestOrg", e.guest().organizationId()),
                        e.meetingId());
        advance(position);
    }

    @EventHandler
    void on(AgendaItemDiscussed e, TrackingToken token) {
        long position = position(token);
        BatchWrites.keyed(jdbc, """
                insert into meeting_register_agenda_item (meeting_id, position, topic, summary, last_position)
                values (:meeting, :position, :topic, :summary, :position)
                on conflict (meeting_id, position) do nothing""",
                params(e.meetingId(), position).addValue("topic", e.topic().name()).addValue("summary", e.summary()),
                e.meetingId());
        advance(position);
    }

    @EventHandler
    void on(ResolutionAdopted e, TrackingToken token) {
        resolution(e.meetingId(), position(token), e.number(), e.subject(), e.text(), e.votesFor(), e.votesAgainst(),
                e.abstentions(), e.eligible(), true, e.outcome());
    }

    @EventHandler
    void on(ResolutionRejected e, TrackingToken token) {
        resolution(e.meetingId(), position(token), e.number(), e.subject(), e.text(), e.votesFor(), e.votesAgainst(),
                e.abstentions(), e.eligible(), false, e.outcome());
    }

    @EventHandler
    void on(FeeReportPresented e, TrackingToken token) {
        long position = position(token);
        BatchWrites.keyed(jdbc, """
                update meeting_register_meeting set fee_collected = :collected, fee_spent = :spent,
                       fee_balance = :balance, last_position = :position where meeting_id = :meeting""",
                params(e.meetingId(), position).addValue("collected", e.collected()).addValue("spent", e.spent())
                        .addValue("balance", e.balance()), e.meetingId());
        advance(position);
    }

    @EventHandler
    void on(MeetingClosed e, TrackingToken token) {
        long position = position(token);
        BatchWrites.keyed(jdbc, """
                update meeting_register_meeting set state = 'CLOSED', duration_minutes = :duration,
                       attended = :attended, required_to_attend = :required, absent_without_reason = :absent,
                       last_position = :position where meeting_id = :meeting""",
                params(e.meetingId(), position).addValue("duration", e.durationMinutes())
                        .addValue("attended", e.attended()).addValue("required", e.requiredToAttend())
                        .addValue("absent", e.absentWithoutReason()), e.meetingId());
        outcomes(e.meetingId(), position, "meeting", e.outcomes());
        advance(position);
    }

    @EventHandler
    void on(MinutesAmended e, TrackingToken token) {
        long position = position(token);
        BatchWrites.keyed(jdbc, """
                insert into meeting_register_amendment (meeting_id, position, corrects_event_id, text,
                    approved_at_meeting, approved_on, last_position)
                values (:meeting, :position, :corrects, :text, :approvedAt, :approvedOn, :position)
                on conflict (meeting_id, position) do nothing""",
                params(e.meetingId(), position).addValue("corrects", e.correctsEventId()).addValue("text", e.text())
                        .addValue("approvedAt", e.approvedAtMeetingId())
                        .addValue("approvedOn", e.approvedOn(), Types.DATE), e.meetingId());
        advance(position);
    }

    @ResetHandler
    void reset() {
        for (String table : List.of("meeting_register_retraction", "meeting_register_attendance_correction",
                "meeting_register_amendment", "meeting_register_outcome",
                "meeting_register_resolution", "meeting_register_agenda_item", "meeting_register_guest",
                "meeting_register_attendance", "meeting_register_meeting")) {
            jdbc.update("delete from " + table, Map.of());
        }
        jdbc.update("delete from projection_position where projection = :projection",
                new MapSqlParameterSource("projection", NAME));
    }

    private void resolution(String meetingId, long position, int number, ResolutionSubject subject, String text,
                            int votesFor, int votesAgainst, int abstentions, int eligible, boolean adopted,
                            RuleOutcome outcome) {
        BatchWrites.keyed(jdbc, """
                insert into meeting_register_resolution (meeting_id, number, subject, text, votes_for, votes_against,
                    abstentions, eligible, adopted, last_position)
                values (:meeting, :number, :subject, :text, :for, :against, :abstentions, :eligible, :adopted, :position)
                on conflict (meeting_id, number) do nothing""",
                params(meetingId, position).addValue("number", number).addValue("subject", subject.name())
                        .addValue("text", text).addValue("for", votesFor).addValue("against", votesAgainst)
                        .addValue("abstentions", abstentions).addValue("eligible", eligible)
                        .addValue("adopted", adopted), meetingId);
        outcomes(meetingId, position, "resolution:" + number, outcome == null ? List.of() : List.of(outcome));
        advance(position);
    }

    private void outcomes(String meetingId, long position, String source, List<RuleOutcome> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            RuleOutcome o = outcomes.get(i);
            BatchWrites.keyed(jdbc, """
                    insert into meeting_register_outcome (meeting_id, source, ordinal, rule, severity, basis, message,
                                                          last_position)
                    values (:meeting, :source, :ordinal, :rule, :severity, :basis, :message, :position)
                    on conflict (meeting_id, source, ordinal) do nothing""",
                    params(meetingId, position).addValue("source", source).addValue("ordinal", i)
                            .addValue("rule", o.rule()).addValue("severity", o.severity().name())
                            .addValue("basis", o.basis()).addValue("message", o.message()), meetingId);
        }
    }

    private void advance(long position) {
        ProjectionPositions.advance(jdbc, NAME, position);
    }

    private static MapSqlParameterSource params(String meetingId, long position) {
        return new MapSqlParameterSource("meeting", meetingId).addValue("position", position);
    }

    /** The envelope's recordedAt; events from before the envelope had it carry none. */
    private static OffsetDateTime instant(String recordedAt) {
        return recordedAt == null ? null : OffsetDateTime.parse(recordedAt);
    }

    private static long position(TrackingToken token) {
        return ProjectionPositions.of(token);
    }
}
