package vn.partyledger.ops.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.partyledger.api.member.FindMember;
import vn.partyledger.api.member.MemberView;
import vn.partyledger.api.oversight.RequestedRecord;
import vn.partyledger.api.organization.OrganizationView;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;
import vn.partyledger.ops.correction.Corrections;
import vn.partyledger.ops.history.History;
import vn.partyledger.ops.history.HistoryFilter;
import vn.partyledger.ops.history.HistoryReader;
import vn.partyledger.ops.history.InspectorReads;
import vn.partyledger.ops.security.CurrentActor;
import vn.partyledger.ops.security.LedgerPrincipal;
import vn.partyledger.ops.security.Permission;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * A member's dossier and an organisation's history as a timeline, read like the API's histories (HistoryReader): every
 * fact with who recorded it, when, its business date and authority, and its one-line summary; a correction is shown
 * beside the fact it corrects. Both time axes are pickers ({@code asOf}, {@code knownAt}); a read with an inspection
 * grant is recorded in the organisation's record exactly as the API records it.
 */
@Controller
class HistoryPages extends Pages {

    static final int PAGE_SIZE = 50;
    /** A spreadsheet holds the whole filtered history, not one screen of it; the largest dossiers stay far below. */
    static final int EXPORT_MAX = 10_000;
    /** Fact types offered in the type filter (the types a history's summaries know), in the order of a life. */
    static final List<String> TYPES = List.of("CandidateRegistered", "ExistingMemberEnrolled", "MemberDataCorrected",
            "AwarenessCourseCompleted", "MemberAdmitted", "MembershipMadeOfficial", "ProbationaryRemoved",
            "TransferIssued", "TransferReceived", "TemporaryTransferEnded", "FullExemptionGranted", "FullExemptionEnded",
            "TemporaryExemptionGranted", "TemporaryExemptionEnded", "ActivitySuspended", "MemberReinstated",
            "RollRemoved", "MemberDeceased", "MeetingScheduled", "MeetingOpened", "AttendanceRecorded",
            "AttendanceCorrected", "MeetingClosed", "MinutesAmended", "MeetingRetracted", "TaskAssigned",
            "TaskAssignmentCorrected", "TaskResultRecorded", "TaskEvaluated", "CommitmentSubmitted",
            "CommitmentCorrected", "OrganizationEstablished", "OrganizationReparented", "OrganizationMerged",
            "OrganizationDissolved", "OfficerAssigned", "OfficerRemoved", "RegularMeetingDaySet", "LiaisonAssigned",
            "OversightCaseOpened", "RecordsRequested", "FindingRecorded", "CaseConcluded", "InspectorReadRecorded");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final HistoryReader reader;
    private final InspectorReads inspectorReads;
    private final MemberDirectory members;
    private final Organizations organizations;
    private final QueryGateway queries;
    private final Labels labels;
    private final ZoneId zone;

    HistoryPages(HistoryReader reader, InspectorReads inspectorReads, MemberDirectory members,
                 Organizations organizations, QueryGateway queries, Labels labels,
                 @Value("${ledger.business-zone:Asia/Ho_Chi_Minh}") String zone) {
        this.reader = reader;
        this.inspectorReads = inspectorReads;
        this.members = members;
        this.organizations = organizations;
        this.queries = queries;
        this.labels = labels;
        this.zone = ZoneId.of(zone);
    }

    /** One fact as the timeline shows it; {@code original} and {@code corrections} sit beside it. */
    record Fact(String eventId, String type, String typeLabel, LocalDate occurredOn, String recordedAt, String who,
                String authority, String summary, String reason, boolean correctable, Fact original,
                List<Fact> corrections) {
    }

    /** The pickers and filters as typed, what they mean, and the refusals of those that mean nothing. */
    record Filters(String asOfText, String knownAtText, String fromText, String toText, String type, LocalDate asOf,
                   Instant knownAt, LocalDate from, LocalDate to, int page, Map<String, String> errors) {

        HistoryFilter filter(int page, int size) {
            return new HistoryFilter(from, to, asOf, null, null, knownAt, type == null ? null : List.of(type), null,
                    page, size);
        }
    }

    @GetMapping("/web/members/{id}/dossier")
    Object dossier(@PathVariable String id, @RequestParam(required = false) String asOf,
                   @RequestParam(required = false) String knownAt, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(required = false) String types,
                   @RequestParam(required = false) String page, @RequestParam(required = false) String format,
                   @RequestParam(required = false) String corrected,
                   @RequestParam(required = false) String recorded, Model model) {
        MemberEntry member = members.find(id).orElseThrow(() -> new UnknownResourceException("no member " + id));
        Filters f = filters(asOf, knownAt, from, to, types, page);
        MemberView view = queries.query(new FindMember(id), ResponseTypes.instanceOf(MemberView.class)).join();
        String title = labels.of("dossier.title", view.fullName());
        History history = reader.dossier(id, f.filter(exporting(format) ? 0 : f.page(),
                exporting(format) ? EXPORT_MAX : PAGE_SIZE), labels.locale());
        // recorded like the API's dossier read: after the access check, whose grant it names
        inspectorReads.record(member.organizationId(), RequestedRecord.MEMBER_DOSSIER, id, f.asOf(), f.knownAt());
        return page(history, f, title, "dossier", format, model, Map.of("member", view, "corrected",
                corrected == null ? "" : corrected, "recorded",
                recorded != null && AdmissionPages.STEPS.contains(recorded) ? recorded : ""));
    }

    @GetMapping("/web/organizations/{id}/history")
    Object history(@PathVariable String id, @RequestParam(required = false) String asOf,
                   @RequestParam(required = false) String knownAt, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(required = false) String types,
                   @RequestParam(required = false) String page, @RequestParam(defaultValue = "false") boolean subtree,
                   @RequestParam(required = false) String format, Model model) {
        Filters f = filters(asOf, knownAt, from, to, types, page);
        OrganizationView org = organizations.view(id, null);
        List<String> scopes = subtree ? reader.everBelow(id) : List.of(id);
        History history = reader.organization(id, scopes, f.filter(exporting(format) ? 0 : f.page(),
                exporting(format) ? EXPORT_MAX : PAGE_SIZE), labels.locale());
        inspectorReads.record(id, RequestedRecord.ORGANIZATION_HISTORY, id, f.asOf(), f.knownAt());
        String title = labels.of(subtree ? "history.titleSubtree" : "history.title", org.name());
        return page(history, f, title, "history", format, model, Map.of("org", org, "subtree", subtree));
    }

    private Object page(History history, Filters f, String title, String kind, String format, Model model,
                        Map<String, Object> extra) {
        List<Fact> facts = facts(history);
        List<List<Object>> rows = new ArrayList<>();
        int n = (exporting(format) ? 0 : f.page() * PAGE_SIZE) + 1;
        for (Fact fact : facts) {
            rows.add(List.of(n++, OrganizationPages.date(fact.occurredOn()), fact.recordedAt(), fact.who(),
                    fact.authority(), fact.typeLabel(), fact.summary(),
                    fact.original() == null ? "" : fact.original().summary(), fact.reason(),
                    String.join("; ", fact.corrections().stream().map(c -> c.summary() + " (" + labels.of(
                            "dossier.reasonIs", c.reason()) + "; " + c.authority() + ")").toList())));
        }
        Table table = new Table(kind, title, List.of(labels.of("col.no"), labels.of("col.occurredOn"),
                labels.of("col.recordedAt"), labels.of("col.who"), labels.of("col.authority"),
                labels.of("col.factType"), labels.of("col.summary"), labels.of("col.corrects"),
                labels.of("col.reason"), labels.of("col.correctedBy")), rows);
        if (exporting(format)) {
            return export(table, format, "dossier".equals(kind) ? "ho-so-dang-vien" : "lich-su-to-chuc");
        }
        model.addAllAttributes(extra);
        model.addAttribute("kind", kind);
        model.addAttribute("title", title);
        model.addAttribute("table", table);
        model.addAttribute("facts", facts);
        model.addAttribute("filters", f);
        model.addAttribute("types", TYPES.stream().map(t -> Map.entry(t, typeLabel(t))).toList());
        model.addAttribute("total", history.total());
        model.addAttribute("firstNo", f.page() * PAGE_SIZE + 1);
        model.addAttribute("hasPrevious", f.page() > 0);
        model.addAttribute("hasNext", (long) (f.page() + 1) * PAGE_SIZE < history.total());
        model.addAttribute("query", query(f, extra.get("subtree")));
        model.addAttribute("provenance", history.provenance());
        return "history";
    }

    /** The page's facts, each original with its corrections and each correction with its original. */
    private List<Fact> facts(History history) {
        Set<String> related = new LinkedHashSet<>();
        for (History.Entry e : history.items()) {
            related.addAll(e.correctedBy());
            if (e.correctsEventId() != null) {
                related.add(e.correctsEventId());
            }
        }
        Map<String, History.Entry> others = reader.entries(related, labels.locale());
        boolean mayCorrect = mayRecordFacts();
        List<Fact> facts = new ArrayList<>();
        for (History.Entry e : history.items()) {
            History.Entry original = e.correctsEventId() == null ? null : others.get(e.correctsEventId());
            List<Fact> corrections = e.correctedBy().stream().map(others::get).filter(c -> c != null)
                    .map(c -> fact(c, null, List.of(), false)).toList();
            facts.add(fact(e, original == null ? null : fact(original, null, List.of(), false), corrections,
                    mayCorrect && correctable(e.type())));
        }
        return facts;
    }

    private Fact fact(History.Entry e, Fact original, List<Fact> corrections, boolean correctable) {
        return new Fact(e.eventId(), e.type(), typeLabel(e.type()), e.occurredOn(),
                e.recordedAt() == null ? "" : WHEN.format(e.recordedAt().atZone(zone)), who(e.actor()),
                authority(e.authority()), e.summary(), e.reason() == null ? "" : e.reason(), correctable, original,
                corrections);
    }

    static boolean correctable(String type) {
        return Corrections.ATTENDANCE.contains(type) || Corrections.MEMBER_DATA.contains(type);
    }

    /** Inspectors read; only someone who records facts somewhere is offered the correction form. */
    private static boolean mayRecordFacts() {
        LedgerPrincipal principal = CurrentActor.principal();
        return principal != null && principal.grants().stream().anyMatch(Permission.RECORD_FACTS::allows);
    }

    private String who(JsonNode actor) {
        if (actor == null || actor.isNull()) {
            return "";
        }
        String name = actor.path("username").asText(actor.path("userId").asText(""));
        String role = actor.path("role").asText("");
        return role.isEmpty() ? name : name + " (" + labels.of("role." + role) + ")";
    }

    private String authority(JsonNode a) {
        if (a == null || a.isNull() || a.isMissingNode()) {
            return "";
        }
        StringBuilder s = new StringBuilder(a.path("docNo").asText(""));
        if (!a.path("issuer").asText("").isEmpty()) {
            s.append(", ").append(a.path("issuer").asText());
        }
        if (!a.path("issuedOn").asText("").isEmpty()) {
            try {
                s.append(", ").append(Spreadsheets.DAY.format(LocalDate.parse(a.path("issuedOn").asText())));
            } catch (RuntimeException notADate) {
                s.append(", ").append(a.path("issuedOn").asText());
            }
        }
        return s.toString();
    }

    private String typeLabel(String type) {
        String label = labels.of("factType." + type);
        return label.startsWith("factType.") ? type : label;
    }

    /**
     * The pickers as typed; one that means nothing is shown next to its field and left out of the read (a page, not a
     * 400: the person fixes the field and reads on). {@code knownAt} is a wall-clock time in the business zone, as the
     * picker gives it, or an ISO instant as the API takes it.
     */
    private Filters filters(String asOf, String knownAt, String from, String to, String types, String page) {
        Map<String, String> errors = new LinkedHashMap<>();
        TimeAxes axes = TimeAxes.parse(asOf, knownAt, zone, labels, errors);
        LocalDate fromDate = date(from, "from", errors);
        LocalDate toDate = date(to, "to", errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.put("to", labels.of("history.toBeforeFrom"));
            toDate = null;
        }
        String type = types == null || types.isBlank() ? null : types.strip();
        if (type != null && !TYPES.contains(type)) {
            errors.put("types", labels.of("form.choose"));
            type = null;
        }
        int p = number(page, "page", 0, 100_000, 0, errors, labels);
        return new Filters(axes.asOfText(), axes.knownAtText(), text(fromDate), text(toDate), type, axes.asOf(),
                axes.knownAt(), fromDate, toDate, p, errors);
    }

    private LocalDate date(String value, String field, Map<String, String> errors) {
        return TimeAxes.date(value, field, labels, errors);
    }

    private static String text(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    /** The page's own query (filters, no page, no format), ready for "&page=…" or "&format=…" to follow. */
    private static String query(Filters f, Object subtree) {
        StringBuilder q = new StringBuilder();
        append(q, "asOf", f.asOfText());
        append(q, "knownAt", f.knownAt() == null ? "" : f.knownAt().toString());
        append(q, "from", f.fromText());
        append(q, "to", f.toText());
        append(q, "types", f.type());
        if (Boolean.TRUE.equals(subtree)) {
            append(q, "subtree", "true");
        }
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null && !value.isEmpty()) {
            q.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
    }
}
