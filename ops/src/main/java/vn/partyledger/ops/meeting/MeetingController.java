package vn.partyledger.ops.meeting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.api.meeting.AdoptResolution;
import vn.partyledger.api.meeting.AgendaEntry;
import vn.partyledger.api.meeting.AgendaTopic;
import vn.partyledger.api.meeting.AmendMinutes;
import vn.partyledger.api.meeting.AttendanceEntry;
import vn.partyledger.api.meeting.AttendanceRisk;
import vn.partyledger.api.meeting.AttendanceStatus;
import vn.partyledger.api.meeting.CloseMeeting;
import vn.partyledger.api.meeting.FeeReport;
import vn.partyledger.api.meeting.FindAttendanceRisk;
import vn.partyledger.api.meeting.FindLiaisonVisits;
import vn.partyledger.api.meeting.FindMeeting;
import vn.partyledger.api.meeting.FindMeetingRegister;
import vn.partyledger.api.meeting.GuestInfo;
import vn.partyledger.api.meeting.LiaisonVisits;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.MeetingRegister;
import vn.partyledger.api.meeting.MeetingView;
import vn.partyledger.api.meeting.OpenMeeting;
import vn.partyledger.api.meeting.PublishMaterials;
import vn.partyledger.api.meeting.RecordAgendaItem;
import vn.partyledger.api.meeting.RecordAttendance;
import vn.partyledger.api.meeting.RecordFeeDisclosure;
import vn.partyledger.api.meeting.RecordGuest;
import vn.partyledger.api.meeting.RecordHeldMeeting;
import vn.partyledger.api.meeting.ResolutionSubject;
import vn.partyledger.api.meeting.ScheduleMeeting;
import vn.partyledger.api.meeting.Vote;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.command.directory.MeetingDirectory;
import vn.partyledger.command.directory.MeetingEntry;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.ops.web.AuthorityDto;
import vn.partyledger.ops.web.Commands;
import vn.partyledger.ops.web.Created;
import vn.partyledger.ops.web.Reads;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * Cell meetings: schedule and run a meeting step by step, or enter a finished meeting from the paper minutes in one
 * request (one command, one transaction); read a meeting, the year's register, attendance risk and liaison visits.
 */
@RestController
@Tag(name = "Meetings", description = "Cell meetings, attendance, resolutions, superior visits and the meeting register")
class MeetingController {

    private static final String MEETINGS = "/api/v1/meetings";
    /** Upper bound of rows in one request: a large cell has a few hundred members. */
    private static final int MAX_ROWS = 1000;

    private final Commands commands;
    private final QueryGateway queries;
    private final OrganizationDirectory organizations;
    private final MeetingDirectory meetings;

    MeetingController(Commands commands, QueryGateway queries, OrganizationDirectory organizations,
                      MeetingDirectory meetings) {
        this.commands = commands;
        this.queries = queries;
        this.organizations = organizations;
        this.meetings = meetings;
    }

    record AttendanceRow(@NotBlank String memberId, @NotNull AttendanceStatus status, @Size(max = 500) String reason) {
    }

    record GuestRow(String personId, @NotBlank @Size(max = 200) String fullName, @Size(max = 50) String orgLevel,
                    @NotBlank @Size(max = 200) String role, String organizationId) {
        GuestInfo info() {
            return new GuestInfo(personId, fullName, orgLevel, role, organizationId);
        }
    }

    record AgendaRow(@NotNull AgendaTopic topic, @NotBlank @Size(max = 2000) String summary) {
    }

    record ResolutionRow(@NotNull ResolutionSubject subject, @NotBlank @Size(max = 2000) String text,
                         @NotNull @PositiveOrZero Integer votesFor, @NotNull @PositiveOrZero Integer votesAgainst,
                         @NotNull @PositiveOrZero Integer abstentions) {
        Vote vote() {
            return new Vote(subject, text, votesFor, votesAgainst, abstentions);
        }
    }

    record FeeRow(@NotNull @PositiveOrZero Long collected, @NotNull @PositiveOrZero Long spent, @NotNull Long balance) {
        FeeReport report() {
            return new FeeReport(collected, spent, balance);
        }
    }

    /**
     * Without {@code held} (or {@code held: false}) the body schedules a meeting for {@code heldOn} (occurredOn: the
     * day it was called). With {@code held: true} it records a finished meeting from its minutes: roll, attendance,
     * guests, agenda items, resolutions, fee report and duration, all or nothing.
     */
    record MeetingRequest(@NotNull MeetingKind kind, @NotNull LocalDate heldOn, @Size(max = 50) List<@Size(max = 500) String> agenda,
                          boolean correction, Boolean held, @PastOrPresent LocalDate occurredOn,
                          @PastOrPresent LocalDate materialsPublishedOn, @Size(max = 100) String materialsChannel,
                          String chairMemberId, String minutesSecretaryMemberId,
                          @Valid @Size(max = MAX_ROWS) List<AttendanceRow> attendance,
                          @Valid @Size(max = 50) List<GuestRow> guests,
                          @Valid @Size(max = 100) List<AgendaRow> agendaItems,
                          @Valid @Size(max = 100) List<ResolutionRow> resolutions, @Valid FeeRow feeReport,
                          @Min(1) @Max(1440) Integer durationMinutes, @Valid AuthorityDto authority) {
    }

    @PostMapping("/api/v1/organizations/{cellId}/meetings")
    @Operation(summary = "Schedule a meeting, or (held: true) record a whole finished meeting from its minutes")
    ResponseEntity<Created> create(@PathVariable String cellId, @Valid @RequestBody MeetingRequest r) {
        knownOrganization(cellId);
        String id = UUID.randomUUID().toString();
        if (Boolean.TRUE.equals(r.held())) {
            if (r.durationMinutes() == null) {
                throw LedgerRefusalException.invalid("durationMinutes",
                        "a held meeting records how long it lasted");
            }
            commands.send(new RecordHeldMeeting(id, cellId, r.kind(), r.heldOn(), r.agenda(), r.correction(),
                    r.materialsPublishedOn(), r.materialsChannel(), r.chairMemberId(), r.minutesSecretaryMemberId(),
                    list(r.attendance()).stream().map(a -> new AttendanceEntry(a.memberId(), a.status(), a.reason()))
                            .toList(),
                    list(r.guests()).stream().map(GuestRow::info).toList(),
                    list(r.agendaItems()).stream().map(a -> new AgendaEntry(a.topic(), a.summary())).toList(),
                    list(r.resolutions()).stream().map(ResolutionRow::vote).toList(),
                    r.feeReport() == null ? null : r.feeReport().report(), r.durationMinutes()),
                    r.authority());
        } else {
            if (r.occurredOn() == null) {
                throw LedgerRefusalException.invalid("occurredOn",
                        "the day the meeting was called is required");
            }
            commands.send(new ScheduleMeeting(id, cellId, r.kind(), r.heldOn(), r.agenda(), r.correction(),
                    r.occurredOn()), r.authority());
        }
        return Created.at(MEETINGS, id);
    }

    record MaterialsRequest(@NotBlank @Size(max = 100) String channel, @NotNull @PastOrPresent LocalDate occurredOn) {
    }

    @PostMapping(MEETINGS + "/{id}/materials")
    @Operation(summary = "Record that the meeting materials were published (HD 42/2025: at least 1 day before)")
    ResponseEntity<Created> materials(@PathVariable String id, @Valid @RequestBody MaterialsRequest r) {
        commands.send(new PublishMaterials(id, r.channel(), r.occurredOn()), null);
        return Created.accepted(MEETINGS, id);
    }

    record OpeningRequest(String chairMemberId, String minutesSecretaryMemberId,
                          @NotNull @PastOrPresent LocalDate occurredOn) {
    }

    @PostMapping(MEETINGS + "/{id}/opening")
    @Operation(summary = "Open the meeting on its date; the roll snapshot is taken from the member roll of that date")
    ResponseEntity<Created> open(@PathVariable String id, @Valid @RequestBody OpeningRequest r) {
        commands.send(new OpenMeeting(id, r.chairMemberId(), r.minutesSecretaryMemberId(), r.occurredOn()), null);
        return Created.accepted(MEETINGS, id);
    }

    @PostMapping(MEETINGS + "/{id}/attendance")
    @Operation(summary = "Record one member's attendance (PRESENT, LATE, LEFT_EARLY, ABSENT_*)")
    ResponseEntity<Created> attendance(@PathVariable String id, @Valid @RequestBody AttendanceRow r) {
        LocalDate on = heldOn(id);
        commands.send(new RecordAttendance(id, r.memberId(), r.status(), r.reason(), on), null);
        return Created.accepted(MEETINGS, id);
    }

    @PostMapping(MEETINGS + "/{id}/guests")
    @Operation(summary = "Record a guest: a superior visit (orgLevel set) or an assigned cadre")
    ResponseEntity<Created> guest(@PathVariable String id, @Valid @RequestBody GuestRow r) {
        LocalDate on = heldOn(id);
        commands.send(new RecordGuest(id, r.info(), on), null);
        return Created.accepted(MEETINGS, id);
    }

    @PostMapping(MEETINGS + "/{id}/agenda-items")
    @Operation(summary = "Record an agenda item discussed")
    ResponseEntity<Created> agendaItem(@PathVariable String id, @Valid @RequestBody AgendaRow r) {
        LocalDate on = heldOn(id);
        commands.send(new RecordAgendaItem(id, r.topic(), r.summary(), on), null);
        return Created.accepted(MEETINGS, id);
    }

    @PostMapping(MEETINGS + "/{id}/resolutions")
    @Operation(summary = "Record a resolution put to the vote; the ledger decides adopted/rejected (M6, P4)")
    ResponseEntity<Created> resolution(@PathVariable String id, @Valid @RequestBody ResolutionRow r) {
        LocalDate on = heldOn(id);
        commands.send(new AdoptResolution(id, r.vote(), on), null);
        return Created.accepted(MEETINGS, id);
    }

    @PostMapping(MEETINGS + "/{id}/fee-report")
    @Operation(summary = "Record the fee report read out at the meeting")
    ResponseEntity<Created> feeReport(@PathVariable String id, @Valid @RequestBody FeeRow r) {
        LocalDate on = heldOn(id);
        commands.send(new RecordFeeDisclosure(id, r.report(), on), null);
        return Created.accepted(MEETINGS, id);
    }

    record ClosingRequest(@NotNull @Min(1) @Max(1440) Integer durationMinutes) {
    }

    @PostMapping(MEETINGS + "/{id}/closing")
    @Operation(summary = "Close the meeting with its duration; per-meeting rules (M3, M5) are judged and recorded")
    ResponseEntity<Created> close(@PathVariable String id, @Valid @RequestBody ClosingRequest r) {
        LocalDate on = heldOn(id);
        commands.send(new CloseMeeting(id, r.durationMinutes(), on), null);
        return Created.accepted(MEETINGS, id);
    }

    record AmendmentRequest(String correctsEventId, @NotBlank @Size(max = 4000) String text,
                            @NotBlank String approvedAtMeetingId, @Valid AuthorityDto authority) {
    }

    @PostMapping(MEETINGS + "/{id}/minutes-amendments")
    @Operation(summary = "Amend the minutes of a closed meeting, as approved at a later meeting of the cell")
    ResponseEntity<Created> amend(@PathVariable String id, @Valid @RequestBody AmendmentRequest r) {
        // The amendment is a fact of the approving meeting's date; an unknown meeting is refused by the aggregate.
        LocalDate approvedOn = meetings.find(r.approvedAtMeetingId()).map(MeetingEntry::heldOn).orElse(null);
        commands.send(new AmendMinutes(id, r.correctsEventId(), r.text(), r.approvedAtMeetingId(), approvedOn),
                r.authority());
        return Created.accepted(MEETINGS, id);
    }

    @GetMapping(MEETINGS + "/{id}")
    @Operation(summary = "One meeting: roll snapshot, attendance, guests, agenda, resolutions, fee report, outcomes")
    ResponseEntity<MeetingView> get(@PathVariable String id,
            @RequestParam(required = false) @PastOrPresent Instant knownAt) {
        MeetingView view = queries.query(new FindMeeting(id, knownAt), ResponseTypes.instanceOf(MeetingView.class))
                .join();
        return Reads.ok(view, view.provenance());
    }

    @GetMapping("/api/v1/organizations/{id}/meeting-register")
    @Operation(summary = "CellMeetingRegister: 12 months and 4 quarters with rule outcomes; roll-up for a commune or province")
    ResponseEntity<MeetingRegister> register(@PathVariable String id, @RequestParam @Min(2000) @Max(2100) int year,
            @RequestParam(required = false) @Min(1) @Max(100) Integer attendanceTarget,
            @RequestParam(required = false) @PastOrPresent Instant knownAt) {
        knownOrganization(id);
        MeetingRegister register = queries.query(new FindMeetingRegister(id, year, attendanceTarget, knownAt),
                ResponseTypes.instanceOf(MeetingRegister.class)).join();
        return Reads.ok(register, register.provenance());
    }

    @GetMapping("/api/v1/organizations/{id}/attendance-risk")
    @Operation(summary = "AttendanceRisk: members absent without legitimate reason per month, with the P12 flag; "
            + "paged by member id, flagged=true lists only the members the flag is set for")
    ResponseEntity<AttendanceRisk> attendanceRisk(@PathVariable String id,
            @RequestParam @Min(2000) @Max(2100) int year,
            @RequestParam(required = false) @PastOrPresent Instant knownAt,
            @RequestParam(defaultValue = "false") boolean flagged,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        knownOrganization(id);
        AttendanceRisk risk = queries.query(new FindAttendanceRisk(id, year, knownAt, flagged, page, size),
                ResponseTypes.instanceOf(AttendanceRisk.class)).join();
        return Reads.ok(risk, risk.provenance());
    }

    @GetMapping("/api/v1/organizations/{id}/liaison-visits")
    @Operation(summary = "Liaison visits per quarter against quotas (overdue liaisons) and superior visits over the cells")
    ResponseEntity<LiaisonVisits> liaisonVisits(@PathVariable String id, @RequestParam @Min(2000) @Max(2100) int year) {
        knownOrganization(id);
        LiaisonVisits visits = queries.query(new FindLiaisonVisits(id, year),
                ResponseTypes.instanceOf(LiaisonVisits.class)).join();
        return Reads.ok(visits, visits.provenance());
    }

    /** The meeting date: the facts of a meeting happen on it. */
    private LocalDate heldOn(String meetingId) {
        return meeting(meetingId).heldOn();
    }

    private MeetingEntry meeting(String id) {
        return meetings.find(id).orElseThrow(() -> new UnknownResourceException("no meeting " + id));
    }

    private void knownOrganization(String id) {
        if (organizations.find(id).isEmpty()) {
            throw new UnknownResourceException("no organisation " + id);
        }
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
