package vn.partyledger.ops.correction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.commitment.CommitmentSections;
import vn.partyledger.api.commitment.CorrectCommitment;
import vn.partyledger.api.envelope.Envelope;
import vn.partyledger.api.meeting.AttendanceStatus;
import vn.partyledger.api.meeting.CorrectAttendance;
import vn.partyledger.api.meeting.RetractMeeting;
import vn.partyledger.api.member.CorrectMemberData;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.CorrectOrganizationFacts;
import vn.partyledger.api.rating.CorrectRatingDecision;
import vn.partyledger.api.rating.DecisionRow;
import vn.partyledger.api.rules.rating.DisciplineFact;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.task.CorrectTaskAssignment;
import vn.partyledger.ops.web.AuthorityDto;
import vn.partyledger.ops.web.Commands;

/**
 * The one path of every correction and retraction, for the API and the web form alike (docs/decisions/0011): finds
 * the stored event named, sends the correcting command to the aggregate that owns it with {@code correctsEventId} and
 * {@code reason} in the envelope, and refuses kinds of facts that are not corrected this way. Call it after the access
 * check on the event's organisation.
 */
@Component
public class Corrections {

    /** Types whose facts are part of the minutes: they are amended at a later meeting (M9, MinutesAmended). */
    private static final List<String> MINUTES = List.of("MeetingOpened", "GuestAttended", "AgendaItemDiscussed",
            "ResolutionAdopted", "ResolutionRejected", "FeeReportPresented", "MeetingClosed", "MaterialsPublished");

    /** Fact types corrected with a replacement, by the kind of replacement they take. */
    public static final List<String> ATTENDANCE = List.of("AttendanceRecorded", "AttendanceCorrected");
    public static final List<String> MEMBER_DATA = List.of("CandidateRegistered", "ExistingMemberEnrolled",
            "MemberDataCorrected");

    private final Commands commands;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    Corrections(Commands commands, NamedParameterJdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    /** The replacement values; which ones are needed depends on the corrected fact's type. */
    public record Replacement(AttendanceStatus status, @Size(max = 500) String reason,
                              @PastOrPresent LocalDate birthDate, @Size(max = 200) String fullName,
                              @Size(max = 2000) String description, LocalDate dueDate,
                              @Size(max = 2000) String expectedResult, @Valid CommitmentSections sections,
                              @Size(max = 200) String name, CellType cellType, @PastOrPresent LocalDate establishedOn,
                              RatingLevel level, @Min(0) @Max(100) Integer score, RatingLevel civilServantLevel,
                              @Valid Discipline discipline, @Size(max = 100) String decisionNo,
                              @Valid AuthorityDto quotaOverride) {

        public static Replacement attendance(AttendanceStatus status, String reason) {
            return new Replacement(status, reason, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null);
        }

        public static Replacement memberData(LocalDate birthDate, String fullName) {
            return new Replacement(null, null, birthDate, fullName, null, null, null, null, null, null, null, null,
                    null, null, null, null, null);
        }
    }

    /** A discipline of the rated year (R2), as on a rating decision. */
    public record Discipline(@NotBlank @Size(max = 100) String form, @NotNull LocalDate decidedOn, boolean remedied) {
        DisciplineFact toFact() {
            return new DisciplineFact(form, decidedOn, remedied);
        }
    }

    /** The resource the corrected fact belongs to: its collection path and id. */
    public record Corrected(String collection, String id) {
    }

    private record Stored(String eventId, String aggregateId, String type, String scope, JsonNode payload) {
    }

    public Corrected correct(String correctsEventId, String reason, AuthorityDto authority, LocalDate occurredOn,
                             Replacement x) {
        Stored event = stored(correctsEventId);
        Map<String, Object> envelope = Map.of(Envelope.CORRECTS_EVENT_ID, event.eventId(), Envelope.REASON,
                reason.strip());
        switch (event.type()) {
            case "AttendanceRecorded", "AttendanceCorrected" -> {
                commands.send(new CorrectAttendance(event.aggregateId(), event.eventId(),
                        event.payload().path("memberId").asText(null), x.status(), x.reason(), occurredOn),
                        authority, envelope);
                return new Corrected("/api/v1/meetings", event.aggregateId());
            }
            case "CandidateRegistered", "ExistingMemberEnrolled", "MemberDataCorrected" -> {
                commands.send(new CorrectMemberData(event.aggregateId(), event.eventId(), x.fullName(), x.birthDate(),
                        occurredOn), authority, envelope);
                return new Corrected("/api/v1/members", event.aggregateId());
            }
            case "TaskAssigned", "TaskAssignmentCorrected" -> {
                commands.send(new CorrectTaskAssignment(event.aggregateId(), event.eventId(), x.description(),
                        x.dueDate(), x.expectedResult(), occurredOn), authority, envelope);
                return new Corrected("/api/v1/tasks", event.aggregateId());
            }
            case "OrganizationEstablished", "OrganizationFactsCorrected" -> {
                commands.send(new CorrectOrganizationFacts(event.aggregateId(), event.eventId(), x.name(),
                        x.cellType(), x.establishedOn(), occurredOn), authority, envelope);
                return new Corrected("/api/v1/organizations", event.aggregateId());
            }
            case "RatingDecided", "RatingRedecided", "RatingDecisionCorrected" -> {
                DecisionRow row = new DecisionRow(event.payload().path("ratingId").asText(null), x.level(), x.score(),
                        x.civilServantLevel(), x.discipline() == null ? null : x.discipline().toFact());
                commands.send(new CorrectRatingDecision(event.aggregateId(), event.eventId(), row, x.decisionNo(),
                        AuthorityDto.toAuthority(x.quotaOverride()), occurredOn), authority, envelope);
                return new Corrected("/api/v1/ratings", row.ratingId());
            }
            case "CommitmentSubmitted", "CommitmentCorrected" -> {
                commands.send(new CorrectCommitment(event.aggregateId(), event.eventId(), x.sections(), occurredOn),
                        authority, envelope);
                return new Corrected("/api/v1/commitments", event.aggregateId());
            }
            default -> throw notCorrectable(event, "corrected with a replacement");
        }
    }

    public Corrected retract(String correctsEventId, String reason, AuthorityDto authority, LocalDate occurredOn) {
        Stored event = stored(correctsEventId);
        Map<String, Object> envelope = Map.of(Envelope.CORRECTS_EVENT_ID, event.eventId(), Envelope.REASON,
                reason.strip());
        if (event.type().equals("MeetingScheduled")) {
            commands.send(new RetractMeeting(event.aggregateId(), event.eventId(), occurredOn), authority, envelope);
            return new Corrected("/api/v1/meetings", event.aggregateId());
        }
        throw notCorrectable(event, "retracted");
    }

    private static LedgerRefusalException notCorrectable(Stored event, String how) {
        if (MINUTES.contains(event.type())) {
            return LedgerRefusalException.invalid("correctsEventId", "a " + event.type() + " is part of the minutes: "
                    + "minutes are amended at a later meeting (POST /api/v1/meetings/" + event.aggregateId()
                    + "/minutes-amendments)");
        }
        return LedgerRefusalException.invalid("correctsEventId", "a " + event.type() + " cannot be " + how
                + " through this endpoint");
    }

    private Stored stored(String eventId) {
        List<Stored> found = jdbc.query("""
                select event_id, aggregate_id, payload_type, scope_id, convert_from(payload, 'UTF8') as payload
                  from ledger_event where event_id = :id""", new MapSqlParameterSource("id", eventId),
                (rs, n) -> new Stored(rs.getString("event_id"), rs.getString("aggregate_id"),
                        simpleName(rs.getString("payload_type")), rs.getString("scope_id"),
                        parse(rs.getString("payload"))));
        if (found.isEmpty()) {
            throw LedgerRefusalException.notFound("correctsEventId", "no stored event " + eventId);
        }
        return found.get(0);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event is not JSON", e);
        }
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
