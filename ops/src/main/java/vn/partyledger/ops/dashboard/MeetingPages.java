package vn.partyledger.ops.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.partyledger.api.meeting.AgendaEntry;
import vn.partyledger.api.meeting.AttendanceEntry;
import vn.partyledger.api.meeting.AttendanceRisk;
import vn.partyledger.api.meeting.AttendanceStatus;
import vn.partyledger.api.meeting.FindAttendanceRisk;
import vn.partyledger.api.meeting.FindLiaisonVisits;
import vn.partyledger.api.meeting.FindMeetingRegister;
import vn.partyledger.api.meeting.GuestInfo;
import vn.partyledger.api.meeting.LiaisonVisits;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.MeetingRegister;
import vn.partyledger.api.meeting.RecordHeldMeeting;
import vn.partyledger.api.meeting.Vote;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.organization.OrganizationTree;
import vn.partyledger.api.organization.OrganizationView;
import vn.partyledger.api.organization.RollView;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.ops.web.Commands;

/**
 * The meeting register as a heat map (cells × months), attendance risk (P12), liaison visits, and the form a cell
 * secretary fills from the paper minutes.
 */
@Controller
class MeetingPages extends Pages {

    /** Kinds a secretary enters from paper minutes; preparation and congress meetings go through the API. */
    static final List<MeetingKind> FORM_KINDS = List.of(MeetingKind.REGULAR, MeetingKind.THEMATIC,
            MeetingKind.COMBINED, MeetingKind.EXTRAORDINARY);

    private final QueryGateway queries;
    private final Commands commands;
    private final Organizations organizations;
    private final FormSubmissions submissions;
    private final Labels labels;
    private final BusinessDay day;

    MeetingPages(QueryGateway queries, Commands commands, Organizations organizations,
                 FormSubmissions submissions, Labels labels, BusinessDay day) {
        this.queries = queries;
        this.commands = commands;
        this.organizations = organizations;
        this.submissions = submissions;
        this.labels = labels;
        this.day = day;
    }

    /** One square of the heat map: its colour class and its short text. */
    record Square(String state, boolean belowTarget, String text, String title) {
        public String cssClass() {
            return belowTarget ? state + " below-target" : state;
        }
    }

    record HeatRow(String cellId, String name, List<Square> months, List<Square> quarters) {
    }

    @GetMapping("/web/organizations/{id}/register")
    Object register(@PathVariable String id, @RequestParam(required = false) Integer year,
                    @RequestParam(required = false) String format, @RequestParam(required = false) String table,
                    Model model) {
        int y = year == null ? day.today().getYear() : year;
        LocalDate endOfYear = LocalDate.of(y, 12, 31);
        LocalDate treeDate = endOfYear.isAfter(day.today()) ? day.today() : endOfYear;
        OrganizationView org = organizations.view(id, treeDate);
        List<HeatRow> heat = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (OrganizationTree.Node cell : organizations.cells(id, treeDate)) {
            MeetingRegister r = queries.query(new FindMeetingRegister(cell.organizationId(), y, null),
                    ResponseTypes.instanceOf(MeetingRegister.class)).join();
            HeatRow row = heatRow(cell, r);
            heat.add(row);
            List<Object> values = new ArrayList<>();
            values.add(cell.name());
            row.months().forEach(s -> values.add(s.text().isEmpty() ? labels.of("heat." + s.state())
                    : labels.of("heat." + s.state()) + " " + s.text()));
            row.quarters().forEach(s -> values.add(s.text()));
            rows.add(values);
        }
        List<String> headers = new ArrayList<>();
        headers.add(labels.of("col.cell"));
        for (int m = 1; m <= 12; m++) {
            headers.add(labels.of("col.month", m));
        }
        for (int q = 1; q <= 4; q++) {
            headers.add(labels.of("col.thematicQuarter", q));
        }
        Table heatTable = new Table("register", labels.of("register.title", org.name(), y), headers, rows);
        Table visits = visitsTable(id, y);
        if (exporting(format)) {
            return export("visits".equals(table) ? visits : heatTable, format, "so-sinh-hoat-" + y);
        }
        MeetingRegister total = queries.query(new FindMeetingRegister(id, y, null),
                ResponseTypes.instanceOf(MeetingRegister.class)).join();
        model.addAttribute("org", org);
        model.addAttribute("year", y);
        model.addAttribute("heat", heat);
        model.addAttribute("total", total);
        model.addAttribute("table", heatTable);
        model.addAttribute("visits", visits);
        return "register";
    }

    /**
     * Above a cell the page lists only the members the P12 flag is set for, unless asked for all: a province has about
     * a hundred thousand members with some absence in a year, a page no one reads and a table the service would hold
     * whole. The exports follow the same choice.
     */
    @GetMapping("/web/organizations/{id}/attendance-risk")
    Object attendanceRisk(@PathVariable String id, @RequestParam(required = false) Integer year,
                          @RequestParam(required = false) Boolean flagged,
                          @RequestParam(required = false) String format, Model model) {
        int y = year == null ? day.today().getYear() : year;
        OrganizationView org = organizations.view(id, null);
        boolean onlyFlagged = flagged != null ? flagged : org.level() != OrganizationLevel.CELL;
        AttendanceRisk risk = queries.query(new FindAttendanceRisk(id, y, null, onlyFlagged, 0, Integer.MAX_VALUE),
                ResponseTypes.instanceOf(AttendanceRisk.class)).join();
        List<List<Object>> rows = new ArrayList<>();
        for (AttendanceRisk.MemberRisk m : risk.items()) {
            rows.add(List.of(m.fullName(), m.monthsWithoutLegitimateReason().size(),
                    String.join(", ", m.monthsWithoutLegitimateReason().stream().map(String::valueOf).toList()),
                    labels.yesNo(m.rollRemovalFlag()), OrganizationPages.date(m.flaggedOn()),
                    m.outcome() == null ? "" : m.outcome().rule() + " — " + m.outcome().basis()));
        }
        Table table = new Table("risk", labels.of(onlyFlagged ? "risk.titleFlagged" : "risk.title", org.name(), y),
                List.of(labels.of("col.fullName"),
                labels.of("col.absences"), labels.of("col.months"), labels.of("col.p12"), labels.of("col.flaggedOn"),
                labels.of("col.basis")), rows);
        if (exporting(format)) {
            return export(table, format, "nguy-co-xoa-ten-" + y);
        }
        model.addAttribute("org", org);
        model.addAttribute("year", y);
        model.addAttribute("flagged", onlyFlagged);
        model.addAttribute("table", table);
        return "attendance-risk";
    }

    @GetMapping("/web/organizations/{cellId}/meetings/new")
    String meetingForm(@PathVariable String cellId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                       Model model) {
        LocalDate on = heldOn == null ? day.today() : heldOn;
        OrganizationView cell = organizations.view(cellId, on);
        fillForm(model, cell, on, UUID.randomUUID().toString(), Map.of(), new FormErrors());
        return "meeting-form";
    }

    @PostMapping("/web/organizations/{cellId}/meetings")
    String recordMeeting(@PathVariable String cellId, @RequestParam Map<String, String> form, Model model) {
        FormErrors errors = new FormErrors();
        LocalDate heldOn = parseDate(form.get("heldOn"), "heldOn", errors);
        LocalDate rollDate = heldOn == null ? day.today() : heldOn;
        OrganizationView cell = organizations.view(cellId, rollDate);
        String key = submissions.validKey(form.get("idempotencyKey")).orElse(null);
        if (key == null) {
            errors.add(null, labels.of("form.noKey"));
        }
        MeetingKind kind = parseEnum(MeetingKind.class, form.get("kind"), "kind", errors);
        Integer duration = parseInt(form.get("durationMinutes"), "durationMinutes", errors);
        RollView roll = organizations.roll(cellId, rollDate);
        List<AttendanceEntry> attendance = new ArrayList<>();
        for (int i = 0; i < roll.items().size(); i++) {
            RollView.Entry member = roll.items().get(i);
            AttendanceStatus status = parseEnum(AttendanceStatus.class, form.get("status_" + member.memberId()),
                    "attendance[" + i + "].status", errors);
            String reason = blankToNull(form.get("reason_" + member.memberId()));
            attendance.add(new AttendanceEntry(member.memberId(), status, reason));
        }
        if (!errors.isEmpty()) {
            fillForm(model, cell, rollDate, key == null ? UUID.randomUUID().toString() : key, form, errors);
            return "meeting-form";
        }
        String meetingId = UUID.randomUUID().toString();
        List<String> agenda = Arrays.stream(form.getOrDefault("agenda", "").split("\\R"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<GuestInfo> guests = new ArrayList<>();
        if (blankToNull(form.get("guestName")) != null) {
            guests.add(new GuestInfo(null, form.get("guestName").strip(), blankToNull(form.get("guestLevel")),
                    form.getOrDefault("guestRole", "").strip(), null));
        }
        return submissions.submit(key, "/web/organizations/" + cellId + "/meetings", errors,
                () -> commands.send(new RecordHeldMeeting(meetingId, cellId, kind, heldOn, agenda, false, null, null,
                        blankToNull(form.get("chairMemberId")), null, attendance, guests, List.<AgendaEntry>of(),
                        List.<Vote>of(), null, duration), null),
                refusal -> errors.add(refusal, labels),
                () -> {
                    fillForm(model, cell, rollDate, key, form, errors);
                    return "meeting-form";
                },
                () -> "/web/organizations/" + cellId + "/register?year=" + heldOn.getYear() + "&recorded="
                        + meetingId);
    }

    private void fillForm(Model model, OrganizationView cell, LocalDate heldOn, String key, Map<String, String> form,
                          FormErrors errors) {
        RollView roll = organizations.roll(cell.organizationId(), heldOn);
        model.addAttribute("cell", cell);
        model.addAttribute("heldOn", heldOn);
        model.addAttribute("roll", roll.items());
        model.addAttribute("statuses", AttendanceStatus.values());
        model.addAttribute("kinds", FORM_KINDS);
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.byField());
    }

    private HeatRow heatRow(OrganizationTree.Node cell, MeetingRegister r) {
        List<Square> months = new ArrayList<>();
        for (MeetingRegister.Month m : r.months()) {
            String state;
            if (m.cellsMet() > 0) {
                state = Boolean.FALSE.equals(m.onFixedDay()) ? "other-day" : "held";
            } else if (m.outcomes().stream().anyMatch(o -> "M1".equals(o.rule()) && o.isViolation())) {
                state = "missed";
            } else {
                state = "none";
            }
            boolean belowTarget = m.outcomes().stream().anyMatch(o -> "AT1".equals(o.rule()) && !isOk(o));
            String text = m.cellsMet() > 0 && m.attendancePercent() != null ? m.attendancePercent() + "%" : "";
            months.add(new Square(state, belowTarget, text, describe(m.outcomes())));
        }
        List<Square> quarters = new ArrayList<>();
        for (MeetingRegister.Quarter q : r.quarters()) {
            boolean missing = q.outcomes().stream().anyMatch(o -> "M2".equals(o.rule()) && o.isViolation());
            quarters.add(new Square(q.thematicMeetings() > 0 ? "held" : missing ? "missed" : "none", false,
                    String.valueOf(q.thematicMeetings()), describe(q.outcomes())));
        }
        return new HeatRow(cell.organizationId(), cell.name(), months, quarters);
    }

    private Table visitsTable(String id, int year) {
        LiaisonVisits visits = queries.query(new FindLiaisonVisits(id, year),
                ResponseTypes.instanceOf(LiaisonVisits.class)).join();
        List<List<Object>> rows = new ArrayList<>();
        for (LiaisonVisits.Liaison l : visits.liaisons()) {
            List<Object> row = new ArrayList<>();
            row.add(l.cellId());
            row.add(l.liaisonMemberId());
            row.add(l.quota() == null ? "" : l.quota().visits() + " / " + labels.of(l.quota().per()));
            l.visitsPerQuarter().forEach(row::add);
            row.add(labels.yesNo(l.overdue()));
            rows.add(row);
        }
        return new Table("visits", labels.of("visits.title", visits.cellsVisited(), visits.cells(),
                visits.visitedPercent()), List.of(labels.of("col.cell"), labels.of("col.liaison"),
                labels.of("col.quota"), labels.of("col.quarter", 1), labels.of("col.quarter", 2),
                labels.of("col.quarter", 3), labels.of("col.quarter", 4), labels.of("col.overdue")), rows);
    }

    private static boolean isOk(RuleOutcome o) {
        return !o.isViolation() && !o.isWarning();
    }

    private static String describe(List<RuleOutcome> outcomes) {
        return String.join("; ", outcomes.stream().filter(o -> !isOk(o))
                .map(o -> o.rule() + ": " + (o.message() == null ? "" : o.message())).toList());
    }

    private LocalDate parseDate(String value, String field, FormErrors errors) {
        try {
            return LocalDate.parse(value);
        } catch (RuntimeException e) {
            errors.add(field, labels.of("form.badDate"));
            return null;
        }
    }

    private Integer parseInt(String value, String field, FormErrors errors) {
        try {
            return Integer.valueOf(value.strip());
        } catch (RuntimeException e) {
            errors.add(field, labels.of("form.badNumber"));
            return null;
        }
    }

    private <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, FormErrors errors) {
        try {
            return Enum.valueOf(type, value);
        } catch (RuntimeException e) {
            errors.add(field, labels.of("form.choose"));
            return null;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
