package vn.partyledger.ops.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.partyledger.api.meeting.AttendanceStatus;
import vn.partyledger.ops.correction.Corrections;
import vn.partyledger.ops.history.History;
import vn.partyledger.ops.history.HistoryReader;
import vn.partyledger.ops.web.AuthorityDto;
import vn.partyledger.ops.web.Reads;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * The correction form opened from a dossier: an attendance's status and reason, or a member's name and birth date,
 * with the reason and the approving decision. It goes the API's way ({@link Corrections}, as POST /api/v1/corrections):
 * the aggregate that owns the fact judges the replacement by the original's rules, and a refusal is shown next to the
 * field at fault. Field names are the API's ({@code replacement.status}, {@code authority.docNo}, …), so a refusal
 * names the field the form shows.
 */
@Controller
class CorrectionPages extends Pages {

    private static final List<String> FIELDS = List.of("replacement.status", "replacement.reason",
            "replacement.fullName", "replacement.birthDate", "replacement", "reason", "authority.docNo",
            "authority.issuer", "authority.issuedOn", "occurredOn");

    private final Corrections corrections;
    private final HistoryReader reader;
    private final FormSubmissions submissions;
    private final Labels labels;
    private final BusinessDay day;

    CorrectionPages(Corrections corrections, HistoryReader reader, FormSubmissions submissions, Labels labels,
                    BusinessDay day) {
        this.corrections = corrections;
        this.reader = reader;
        this.submissions = submissions;
        this.labels = labels;
        this.day = day;
    }

    @GetMapping("/web/events/{eventId}/correction")
    String form(@PathVariable String eventId, Model model) {
        History.Entry fact = fact(eventId);
        Map<String, String> prefilled = Corrections.ATTENDANCE.contains(fact.type())
                ? Map.of("replacement.status", fact.fact().path("status").asText(""),
                        "replacement.reason", fact.fact().path("reason").asText(""))
                : Map.of("replacement.fullName", fact.fact().path("fullName").asText(""),
                        "replacement.birthDate", fact.fact().path("birthDate").asText(""));
        return show(fact, prefilled, new FormErrors(), UUID.randomUUID().toString(), model);
    }

    @PostMapping("/web/events/{eventId}/correction")
    String correct(@PathVariable String eventId, @RequestParam Map<String, String> form, Model model,
                   HttpServletResponse response) {
        History.Entry fact = fact(eventId);
        FormErrors errors = new FormErrors();
        FormFields in = new FormFields(form, errors, labels, day.today());
        boolean attendance = Corrections.ATTENDANCE.contains(fact.type());
        Corrections.Replacement replacement;
        if (attendance) {
            AttendanceStatus status = in.choice(AttendanceStatus.class, "replacement.status", true);
            replacement = Corrections.Replacement.attendance(status, in.text("replacement.reason", 500, false));
        } else {
            replacement = Corrections.Replacement.memberData(in.date("replacement.birthDate", false, true),
                    in.text("replacement.fullName", 200, false));
        }
        String reason = in.text("reason", 2000, true);
        String docNo = in.text("authority.docNo", 100, true);
        String issuer = in.text("authority.issuer", 200, true);
        LocalDate issuedOn = in.date("authority.issuedOn", false, false);
        LocalDate occurredOn = in.date("occurredOn", true, false);
        String key = submissions.validKey(form.get("idempotencyKey")).orElse(null);
        if (key == null) {
            errors.add(null, labels.of("form.noKey"));
        }
        if (!errors.isEmpty()) {
            return show(fact, form, errors, key == null ? UUID.randomUUID().toString() : key, model);
        }
        return submissions.submit(key, "/web/events/" + eventId + "/correction", errors,
                () -> corrections.correct(eventId, reason, new AuthorityDto(docNo, issuer, issuedOn), occurredOn,
                        replacement),
                refusal -> FormFields.addRefusal(errors, refusal, labels, FIELDS),
                () -> show(fact, form, errors, key, model),
                () -> {
                    String position = response.getHeader(Reads.POSITION);
                    return "/web/members/" + memberOf(fact) + "/dossier?corrected=" + eventId
                            + (position == null ? "" : "&minPosition=" + position);
                });
    }

    private History.Entry fact(String eventId) {
        History.Entry fact = reader.entries(List.of(eventId), labels.locale()).get(eventId);
        if (fact == null) {
            throw new UnknownResourceException("no event " + eventId);
        }
        return fact;
    }

    /** Both kinds of correctable facts name the member they are about. */
    private static String memberOf(History.Entry fact) {
        return fact.fact().path("memberId").asText();
    }

    private String show(History.Entry fact, Map<String, String> form, FormErrors errors, String key, Model model) {
        model.addAttribute("fact", fact);
        model.addAttribute("memberId", memberOf(fact));
        model.addAttribute("correctable", HistoryPages.correctable(fact.type()));
        model.addAttribute("attendance", Corrections.ATTENDANCE.contains(fact.type()));
        model.addAttribute("statuses", AttendanceStatus.values());
        model.addAttribute("today", day.today());
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.byField());
        return "correction-form";
    }
}
