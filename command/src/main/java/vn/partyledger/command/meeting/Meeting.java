package vn.partyledger.command.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.partyledger.api.meeting.AdoptResolution;
import vn.partyledger.api.meeting.AgendaEntry;
import vn.partyledger.api.meeting.AgendaItemDiscussed;
import vn.partyledger.api.meeting.AgendaTopic;
import vn.partyledger.api.meeting.AmendMinutes;
import vn.partyledger.api.meeting.AttendanceEntry;
import vn.partyledger.api.meeting.AttendanceRecorded;
import vn.partyledger.api.meeting.AttendanceStatus;
import vn.partyledger.api.meeting.AttendanceCorrected;
import vn.partyledger.api.meeting.CorrectAttendance;
import vn.partyledger.api.meeting.MeetingRetracted;
import vn.partyledger.api.meeting.RetractMeeting;
import vn.partyledger.api.meeting.CloseMeeting;
import vn.partyledger.api.meeting.FeeReport;
import vn.partyledger.api.meeting.FeeReportPresented;
import vn.partyledger.api.meeting.GuestAttended;
import vn.partyledger.api.meeting.GuestInfo;
import vn.partyledger.api.meeting.MaterialsPublished;
import vn.partyledger.api.meeting.MeetingClosed;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.MeetingOpened;
import vn.partyledger.api.meeting.MeetingScheduled;
import vn.partyledger.api.meeting.MinutesAmended;
import vn.partyledger.api.meeting.OpenMeeting;
import vn.partyledger.api.meeting.PublishMaterials;
import vn.partyledger.api.meeting.RecordAgendaItem;
import vn.partyledger.api.meeting.RecordAttendance;
import vn.partyledger.api.meeting.RecordFeeDisclosure;
import vn.partyledger.api.meeting.RecordGuest;
import vn.partyledger.api.meeting.RecordHeldMeeting;
import vn.partyledger.api.meeting.ResolutionAdopted;
import vn.partyledger.api.meeting.ResolutionRejected;
import vn.partyledger.api.meeting.RollMember;
import vn.partyledger.api.meeting.RollSnapshot;
import vn.partyledger.api.meeting.ScheduleMeeting;
import vn.partyledger.api.meeting.Vote;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.command.directory.MeetingDirectory;
import vn.partyledger.command.directory.MeetingEntry;
import vn.partyledger.command.directory.MeetingRoll;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.command.directory.OrganizationEntry;

/**
 * One cell meeting, from scheduling to closing and later amendments of its minutes. The roll it opens with is the
 * member roll as of the meeting date (command-side lookup), kept in the state because attendance and voting are judged
 * against it. A whole finished meeting entered from paper minutes goes through the same steps in one command, so both
 * flows produce the same events and the same refusals.
 */
@Aggregate
class Meeting {

    // Business dates are Vietnamese calendar dates: a meeting held this morning in Hà Giang is "today" there.
    private static final ZoneId LEDGER_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int MINUTES_PER_DAY = 24 * 60;

    enum Phase { SCHEDULED, OPEN, CLOSED }

    @AggregateIdentifier
    private String meetingId;
    private String organizationId;
    private MeetingKind kind;
    private LocalDate heldOn;
    private Phase phase;
    private LocalDate materialsPublishedOn;
    private boolean feeReported;
    private int resolutions;
    private int mostVotesCast;
    private boolean retracted;
    private final Map<String, RollMember> roll = new LinkedHashMap<>();
    private final Map<String, AttendanceStatus> attendance = new HashMap<>();
    /**
     * Where a step's event goes. Axon applies the events of a creating handler only after the constructor returns, so
     * a whole meeting entered in one command runs its steps on a draft that applies each event and evolves at once;
     * otherwise events are applied to this aggregate directly.
     */
    private transient Consumer<Object> sink;

    Meeting() {
        // for event sourcing
    }

    @CommandHandler
    Meeting(ScheduleMeeting c, OrganizationDirectory organizations, MeetingDirectory meetings, MeetingRules rules) {
        requireText(c.meetingId(), "meetingId");
        LocalDate on = notInFuture(required(c.occurredOn(), "occurredOn"), "occurredOn");
        MeetingKind k = required(c.kind(), "kind");
        LocalDate date = required(c.heldOn(), "heldOn");
        requireNew(meetings, c.meetingId());
        requireCell(organizations, c.organizationId());
        requireOneRegular(meetings, rules, c.organizationId(), k, date, c.correction());
        apply(new MeetingScheduled(c.meetingId(), c.organizationId(), k, date, text(c.agenda()), c.correction(), on));
    }

    @CommandHandler
    Meeting(RecordHeldMeeting c, OrganizationDirectory organizations, MeetingDirectory meetings, MeetingRoll rollLookup,
            MeetingRules rules) {
        requireText(c.meetingId(), "meetingId");
        MeetingKind k = required(c.kind(), "kind");
        LocalDate date = notInFuture(required(c.occurredOn(), "heldOn"), "heldOn");
        requireNew(meetings, c.meetingId());
        requireCell(organizations, c.organizationId());
        Meeting draft = new Meeting();
        draft.sink = event -> {
            apply(event);
            draft.evolve(event);
        };
        // Paper minutes do not say when the meeting was called; the ledger records it as called for its own date.
        draft.record(new MeetingScheduled(c.meetingId(), c.organizationId(), k, date, text(c.agenda()),
                c.correction(), date));
        if (c.materialsPublishedOn() != null) {
            draft.publish(c.materialsChannel(), c.materialsPublishedOn(), "materialsPublishedOn");
        }
        draft.open(c.chairMemberId(), c.minutesSecretaryMemberId(), date, rollLookup, "heldOn");
        // After the roll: a day on which nobody was on the roll is bad input, whatever rules applied then.
        requireOneRegular(meetings, rules, c.organizationId(), k, date, c.correction());
        List<AttendanceEntry> rows = listOf(c.attendance());
        for (int i = 0; i < rows.size(); i++) {
            AttendanceEntry row = required(rows.get(i), "attendance[" + i + "]");
            draft.attend(row.memberId(), row.status(), row.reason(), "attendance[" + i + "].");
        }
        List<GuestInfo> guests = listOf(c.guests());
        for (int i = 0; i < guests.size(); i++) {
            draft.guest(guests.get(i), "guests[" + i + "]");
        }
        List<AgendaEntry> items = listOf(c.agendaItems());
        for (int i = 0; i < items.size(); i++) {
            AgendaEntry item = required(items.get(i), "agendaItems[" + i + "]");
            draft.agendaItem(item.topic(), item.summary(), "agendaItems[" + i + "].");
        }
        List<Vote> votes = listOf(c.resolutions());
        for (int i = 0; i < votes.size(); i++) {
            draft.resolve(votes.get(i), rules, "resolutions[" + i + "]");
        }
        if (c.feeReport() != null) {
            draft.fees(c.feeReport(), "feeReport");
        }
        draft.close(c.durationMinutes(), rules, "durationMinutes");
    }

    @CommandHandler
    void handle(PublishMaterials c) {
        publish(c.channel(), required(c.occurredOn(), "occurredOn"), "occurredOn");
    }

    @CommandHandler
    void handle(OpenMeeting c, MeetingRoll rollLookup) {
        LocalDate on = required(c.occurredOn(), "occurredOn");
        if (phase == Phase.SCHEDULED && !on.equals(heldOn)) {
            throw LedgerRefusalException.invalid("occurredOn", "the meeting is scheduled for " + heldOn
                    + "; schedule a new meeting for another date");
        }
        open(c.chairMemberId(), c.minutesSecretaryMemberId(), on, rollLookup, "occurredOn");
    }

    @CommandHandler
    void handle(RecordAttendance c) {
        onMeetingDay(c.occurredOn());
        attend(c.memberId(), c.status(), c.reason(), "");
    }

    @CommandHandler
    void handle(RecordGuest c) {
        onMeetingDay(c.occurredOn());
        guest(c.guest(), "guest");
    }

    @CommandHandler
    void handle(RecordAgendaItem c) {
        onMeetingDay(c.occurredOn());
        agendaItem(c.topic(), c.summary(), "");
    }

    @CommandHandler
    void handle(AdoptResolution c, MeetingRules rules) {
        onMeetingDay(c.occurredOn());
        resolve(c.vote(), rules, "vote");
    }

    @CommandHandler
    void handle(RecordFeeDisclosure c) {
        onMeetingDay(c.occurredOn());
        fees(c.report(), "report");
    }

    @CommandHandler
    void handle(CloseMeeting c, MeetingRules rules) {
        onMeetingDay(c.occurredOn());
        close(c.durationMinutes(), rules, "durationMinutes");
    }

    @CommandHandler
    void handle(AmendMinutes c, MeetingDirectory meetings) {
        if (phase != Phase.CLOSED) {
            throw LedgerRefusalException.state("the minutes of meeting " + meetingId + " are amended after it closed");
        }
        requireText(c.text(), "text");
        requireText(c.approvedAtMeetingId(), "approvedAtMeetingId");
        MeetingEntry approving = meetings.find(c.approvedAtMeetingId()).orElseThrow(() ->
                LedgerRefusalException.notFound("approvedAtMeetingId", "no meeting " + c.approvedAtMeetingId()));
        if (!approving.organizationId().equals(organizationId)) {
            throw LedgerRefusalException.invalid("approvedAtMeetingId", "minutes are approved by a meeting of the "
                    + "same cell");
        }
        if (!approving.heldOn().isAfter(heldOn)) {
            throw LedgerRefusalException.invalid("approvedAtMeetingId", "an amendment is approved at a later meeting "
                    + "than the one of " + heldOn);
        }
        if (!approving.heldOn().equals(required(c.occurredOn(), "occurredOn"))) {
            throw LedgerRefusalException.invalid("occurredOn", "the amendment was approved at the meeting of "
                    + approving.heldOn());
        }
        apply(new MinutesAmended(meetingId, organizationId, c.correctsEventId(), c.text().strip(),
                approving.meetingId(), approving.heldOn()));
    }

    /**
     * A correction is judged like the original record: the member must be on the roll and already have an attendance
     * record here, an excused or rejected absence names its reason, and no resolution may end up with more votes than
     * the eligible voters the corrected attendance leaves (M6).
     */
    @CommandHandler
    void handle(CorrectAttendance c) {
        requireNotRetracted();
        requireText(c.correctsEventId(), "correctsEventId");
        if (phase == Phase.SCHEDULED) {
            throw LedgerRefusalException.state("meeting " + meetingId + " has no attendance to correct");
        }
        required(c.occurredOn(), "occurredOn");
        String member = c.memberId();
        if (member == null || !attendance.containsKey(member)) {
            throw LedgerRefusalException.invalid("correctsEventId", "no attendance of member " + member
                    + " is recorded for meeting " + meetingId);
        }
        AttendanceStatus status = required(c.status(), "replacement.status");
        boolean reasonGiven = c.reason() != null && !c.reason().isBlank();
        Boolean accepted = switch (status) {
            case ABSENT_EXCUSED -> true;
            case ABSENT_REASON_REJECTED -> false;
            default -> null;
        };
        if (accepted != null && !reasonGiven) {
            throw LedgerRefusalException.invalid("replacement.reason", "a " + status + " absence records the reason "
                    + "given");
        }
        AttendanceStatus before = attendance.put(member, status);
        int eligible = eligibleVoters();
        int[] figures = figures();
        attendance.put(member, before);
        if (mostVotesCast > eligible) {
            throw LedgerRefusalException.invalid("replacement.status", "after this correction only " + eligible
                    + " members may vote, but a resolution of this meeting counted " + mostVotesCast + " votes (M6)");
        }
        apply(new AttendanceCorrected(meetingId, organizationId, heldOn, member, status,
                reasonGiven ? c.reason().strip() : null, accepted, c.correctsEventId(), figures[0], figures[1],
                figures[2]));
    }

    /** A retracted meeting stays in the record with its retraction; it is retracted once and takes no new facts. */
    @CommandHandler
    void handle(RetractMeeting c) {
        requireNotRetracted();
        requireText(c.correctsEventId(), "correctsEventId");
        required(c.occurredOn(), "occurredOn");
        apply(new MeetingRetracted(meetingId, organizationId, heldOn, c.correctsEventId()));
    }

    private void requireNotRetracted() {
        if (retracted) {
            throw LedgerRefusalException.state("meeting " + meetingId + " was retracted from the record");
        }
    }

    /** The facts of a meeting (attendance, votes, closing) happen on its date; the web layer fills that date in. */
    private void onMeetingDay(LocalDate occurredOn) {
        if (!heldOn.equals(required(occurredOn, "occurredOn"))) {
            throw LedgerRefusalException.invalid("occurredOn", "meeting " + meetingId + " is held on " + heldOn);
        }
    }

    private void publish(String channel, LocalDate publishedOn, String field) {
        requireText(channel, field.equals("occurredOn") ? "channel" : "materialsChannel");
        notInFuture(publishedOn, field);
        if (phase != Phase.SCHEDULED) {
            throw LedgerRefusalException.state("materials are published before the meeting opens");
        }
        if (publishedOn.isAfter(heldOn)) {
            throw LedgerRefusalException.invalid(field, "materials are published before the meeting of " + heldOn);
        }
        record(new MaterialsPublished(meetingId, organizationId, channel.strip(), publishedOn));
    }

    private void open(String chair, String minutesSecretary, LocalDate on, MeetingRoll rollLookup, String field) {
        if (phase == Phase.CLOSED) {
            throw LedgerRefusalException.state("meeting " + meetingId + " is closed; a closed meeting is never "
                    + "re-opened (amend its minutes at a later meeting instead)");
        }
        if (phase == Phase.OPEN) {
            throw LedgerRefusalException.state("meeting " + meetingId + " is already open");
        }
        notInFuture(on, field);
        List<RollMember> members = rollLookup.on(organizationId, on);
        if (members.isEmpty()) {
            throw LedgerRefusalException.invalid(field, "nobody is on the roll of " + organizationId + " on " + on);
        }
        record(new MeetingOpened(meetingId, organizationId, on, blankToNull(chair), blankToNull(minutesSecretary),
                snapshot(members)));
    }

    private void attend(String memberId, AttendanceStatus status, String reason, String prefix) {
        requireOpen();
        requireText(memberId, prefix + "memberId");
        required(status, prefix + "status");
        if (!roll.containsKey(memberId)) {
            throw LedgerRefusalException.invalid(prefix + "memberId", "member " + memberId + " is not on the roll of "
                    + "the cell on " + heldOn);
        }
        if (attendance.containsKey(memberId)) {
            throw LedgerRefusalException.invalid(prefix + "memberId", "the attendance of member " + memberId
                    + " is already recorded for this meeting");
        }
        boolean reasonGiven = reason != null && !reason.isBlank();
        Boolean accepted = switch (status) {
            case ABSENT_EXCUSED -> true;
            case ABSENT_REASON_REJECTED -> false;
            default -> null;
        };
        if (accepted != null && !reasonGiven) {
            throw LedgerRefusalException.invalid(prefix + "reason", "a " + status + " absence records the reason given");
        }
        record(new AttendanceRecorded(meetingId, organizationId, heldOn, memberId, status,
                reasonGiven ? reason.strip() : null, accepted));
    }

    private void guest(GuestInfo guest, String field) {
        requireOpen();
        required(guest, field);
        requireText(guest.fullName(), field + ".fullName");
        requireText(guest.role(), field + ".role");
        record(new GuestAttended(meetingId, organizationId, heldOn, new GuestInfo(blankToNull(guest.personId()),
                guest.fullName().strip(), blankToNull(guest.orgLevel()), guest.role().strip(),
                blankToNull(guest.organizationId()))));
    }

    private void agendaItem(AgendaTopic topic, String summary, String prefix) {
        requireOpen();
        required(topic, prefix + "topic");
        requireText(summary, prefix + "summary");
        record(new AgendaItemDiscussed(meetingId, organizationId, topic,
                summary.strip()));
    }

    private void resolve(Vote vote, MeetingRules rules, String field) {
        requireOpen();
        required(vote, field);
        required(vote.subject(), field + ".subject");
        requireText(vote.text(), field + ".text");
        if (vote.votesFor() < 0 || vote.votesAgainst() < 0 || vote.abstentions() < 0) {
            throw LedgerRefusalException.invalid(field + ".votesFor", "vote counts are not negative");
        }
        int eligible = eligibleVoters();
        int cast = vote.votesFor() + vote.votesAgainst() + vote.abstentions();
        if (cast > eligible) {
            throw LedgerRefusalException.invalid(field + ".votesFor", cast + " votes were counted but only "
                    + eligible + " official members present or not excused may vote (M6; only official members vote)");
        }
        int official = (int) roll.values().stream()
                .filter(m -> !m.temporarilyTransferredIn() && m.membership() == MemberStatus.OFFICIAL).count();
        MeetingPolicy policy = rules.judging(heldOn, field);
        MeetingRules.majority(policy, heldOn, field);
        RuleOutcome outcome = policy.validity(vote.subject(), vote.votesFor(), eligible, official);
        int number = resolutions + 1;
        if (outcome.isWarning() || outcome.isViolation()) {
            record(new ResolutionRejected(meetingId, organizationId, number, vote.subject(), vote.text().strip(),
                    vote.votesFor(), vote.votesAgainst(), vote.abstentions(), eligible, outcome));
        } else {
            record(new ResolutionAdopted(meetingId, organizationId, number, vote.subject(), vote.text().strip(),
                    vote.votesFor(), vote.votesAgainst(), vote.abstentions(), eligible, outcome));
        }
    }

    private void fees(FeeReport report, String field) {
        requireOpen();
        required(report, field);
        if (report.collected() < 0 || report.spent() < 0) {
            throw LedgerRefusalException.invalid(field + ".collected", "amounts collected and spent are not negative");
        }
        if (feeReported) {
            throw LedgerRefusalException.invalid(field, "the fee report of this meeting is already recorded");
        }
        record(new FeeReportPresented(meetingId, organizationId, report.collected(), report.spent(), report.balance()));
    }

    private void close(int durationMinutes, MeetingRules rules, String field) {
        requireOpen();
        if (durationMinutes < 1 || durationMinutes > MINUTES_PER_DAY) {
            throw LedgerRefusalException.invalid(field, "a meeting lasts between 1 minute and one day");
        }
        MeetingPolicy policy = rules.judging(heldOn, "heldOn");
        List<RuleOutcome> outcomes = new ArrayList<>();
        policy.duration().flatMap(d -> d.check(kind, durationMinutes)).ifPresent(outcomes::add);
        policy.materials().ifPresent(m -> outcomes.add(m.check(materialsPublishedOn, heldOn)));
        int[] figures = figures();
        record(new MeetingClosed(meetingId, organizationId, kind, heldOn, durationMinutes, figures[0], figures[1],
                figures[2], List.copyOf(outcomes)));
    }

    /** Attended, required to attend and absent without legitimate reason, from the roll and the attendance. */
    private int[] figures() {
        int required = 0;
        int attended = 0;
        int withoutReason = 0;
        for (RollMember m : roll.values()) {
            if (!m.requiredToAttend()) {
                continue;
            }
            required++;
            AttendanceStatus s = attendance.get(m.memberId());
            if (s != null && s.attended()) {
                attended++;
            } else if (s != null && s.withoutLegitimateReason()) {
                withoutReason++;
            }
        }
        return new int[] {attended, required, withoutReason};
    }

    /**
     * M6: official members may vote, except those temporarily transferred out, suspended, exempt and absent, or absent
     * with an accepted reason. Temporary guests vote in their home cell.
     */
    private int eligibleVoters() {
        int n = 0;
        for (RollMember m : roll.values()) {
            AttendanceStatus s = attendance.get(m.memberId());
            boolean attended = s != null && s.attended();
            boolean excluded = m.membership() != MemberStatus.OFFICIAL || m.temporarilyTransferredIn()
                    || m.temporarilyTransferredOut() || m.suspended()
                    || ((m.fullyExempt() || m.temporarilyExempt()) && !attended)
                    || s == AttendanceStatus.ABSENT_EXCUSED;
            if (!excluded) {
                n++;
            }
        }
        return n;
    }

    private static RollSnapshot snapshot(List<RollMember> members) {
        int official = 0;
        int probationary = 0;
        int exempt = 0;
        int in = 0;
        int out = 0;
        int required = 0;
        for (RollMember m : members) {
            if (m.temporarilyTransferredIn()) {
                in++;
                continue;
            }
            if (m.membership() == MemberStatus.OFFICIAL) {
                official++;
            } else {
                probationary++;
            }
            if (m.fullyExempt() || m.temporarilyExempt()) {
                exempt++;
            }
            if (m.temporarilyTransferredOut()) {
                out++;
            }
            if (m.requiredToAttend()) {
                required++;
            }
        }
        return new RollSnapshot(official, probationary, exempt, in, out, required, List.copyOf(members));
    }

    private void record(Object event) {
        if (sink == null) {
            apply(event);
        } else {
            sink.accept(event);
        }
    }

    private void evolve(Object event) {
        if (event instanceof MeetingScheduled e) {
            on(e);
        } else if (event instanceof MaterialsPublished e) {
            on(e);
        } else if (event instanceof MeetingOpened e) {
            on(e);
        } else if (event instanceof AttendanceRecorded e) {
            on(e);
        } else if (event instanceof ResolutionAdopted e) {
            on(e);
        } else if (event instanceof ResolutionRejected e) {
            on(e);
        } else if (event instanceof FeeReportPresented e) {
            on(e);
        } else if (event instanceof MeetingClosed e) {
            on(e);
        }
    }

    @EventSourcingHandler
    void on(MeetingScheduled e) {
        meetingId = e.meetingId();
        organizationId = e.organizationId();
        kind = e.kind();
        heldOn = e.heldOn();
        phase = Phase.SCHEDULED;
    }

    @EventSourcingHandler
    void on(MaterialsPublished e) {
        materialsPublishedOn = e.publishedOn();
    }

    @EventSourcingHandler
    void on(MeetingOpened e) {
        phase = Phase.OPEN;
        heldOn = e.heldOn();
        e.roll().members().forEach(m -> roll.put(m.memberId(), m));
    }

    @EventSourcingHandler
    void on(AttendanceRecorded e) {
        attendance.put(e.memberId(), e.status());
    }

    @EventSourcingHandler
    void on(ResolutionAdopted e) {
        resolutions = e.number();
        mostVotesCast = Math.max(mostVotesCast, e.votesFor() + e.votesAgainst() + e.abstentions());
    }

    @EventSourcingHandler
    void on(ResolutionRejected e) {
        resolutions = e.number();
        mostVotesCast = Math.max(mostVotesCast, e.votesFor() + e.votesAgainst() + e.abstentions());
    }

    @EventSourcingHandler
    void on(AttendanceCorrected e) {
        attendance.put(e.memberId(), e.status());
    }

    @EventSourcingHandler
    void on(MeetingRetracted e) {
        retracted = true;
    }

    @EventSourcingHandler
    void on(FeeReportPresented e) {
        feeReported = true;
    }

    @EventSourcingHandler
    void on(MeetingClosed e) {
        phase = Phase.CLOSED;
    }

    private void requireOpen() {
        requireNotRetracted();
        if (phase != Phase.OPEN) {
            throw LedgerRefusalException.state("meeting " + meetingId + " is " + phase.name().toLowerCase()
                    + "; attendance, guests, agenda items, resolutions and the fee report are recorded while it is open");
        }
    }

    private static void requireNew(MeetingDirectory meetings, String meetingId) {
        if (meetings.find(meetingId).isPresent()) {
            throw LedgerRefusalException.conflict("meeting " + meetingId + " already exists");
        }
    }

    private static void requireCell(OrganizationDirectory organizations, String organizationId) {
        requireText(organizationId, "organizationId");
        OrganizationEntry cell = organizations.find(organizationId).orElseThrow(() ->
                LedgerRefusalException.notFound("organizationId", "no organisation " + organizationId));
        if (cell.level() != OrganizationLevel.CELL) {
            throw LedgerRefusalException.invalid("organizationId", "cell meetings are held by cells, not by a "
                    + cell.level());
        }
        if (!cell.active()) {
            throw LedgerRefusalException.state("cell " + organizationId + " has ended; its record is closed to new facts");
        }
    }

    /** Also refuses a meeting of any kind held before every version of the meeting rules (nothing could judge it). */
    private static void requireOneRegular(MeetingDirectory meetings, MeetingRules rules, String organizationId,
                                          MeetingKind kind, LocalDate heldOn, boolean correction) {
        MeetingPolicy policy = rules.judging(heldOn, "heldOn");
        if (!kind.isRegular()) {
            return;
        }
        int already = meetings.regularMeetings(organizationId, YearMonth.from(heldOn)).size();
        RuleOutcome m1 = policy.oneRegularPerMonth().check(already, correction);
        if (m1.isViolation()) {
            throw LedgerRefusalException.rule(m1, "heldOn");
        }
    }

    private static LocalDate notInFuture(LocalDate date, String field) {
        if (date.isAfter(LocalDate.now(LEDGER_ZONE))) {
            throw LedgerRefusalException.invalid(field, "a fact cannot be recorded before it happens");
        }
        return date;
    }

    private static List<String> text(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    private static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw LedgerRefusalException.invalid(field, field + " is required");
        }
        return value;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw LedgerRefusalException.invalid(field, field + " is required");
        }
    }
}
