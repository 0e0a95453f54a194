package vn.partyledger.ops.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.partyledger.api.member.AdmitMember;
import vn.partyledger.api.member.CellVote;
import vn.partyledger.api.member.FindMember;
import vn.partyledger.api.member.Introducer;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.member.MemberView;
import vn.partyledger.api.member.RecognizeOfficial;
import vn.partyledger.api.member.RecordAwarenessCourse;
import vn.partyledger.api.member.RemoveFromProbation;
import vn.partyledger.api.organization.RollView;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.ops.web.AuthorityDto;
import vn.partyledger.ops.web.Commands;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * The steps a cell secretary records on paper between a candidate and an official member: the awareness-course
 * certificate, the admission decision (two introducers picked from the cell's official members on the decision date,
 * the cell's vote), and at the end of probation the official recognition or the removal from the probationary roll.
 * The commands are the API's ({@code /members/{id}/awareness-course}, {@code /admission}, {@code /recognition},
 * {@code /probation-removal}), sent through {@link Commands} and judged there by the same rules (P1–P5); the forms
 * only read the fields with the API's request rules. Each leads back to the member's dossier once the read models
 * show the new fact.
 */
@Controller
class AdmissionPages extends Pages {

    /** The two introducers the charter asks for (P3); the command judges how many are needed. */
    static final int INTRODUCERS = 2;
    /** The steps, as the dossier's {@code recorded=} names the one just stored. */
    static final List<String> STEPS = List.of("course", "admission", "recognition", "removal");

    private static final List<String> AUTHORITY_FIELDS = List.of("authority.docNo", "authority.issuer",
            "authority.issuedOn");
    private static final List<String> COURSE_FIELDS = with(List.of("certificateNo", "occurredOn"));
    private static final List<String> ADMISSION_FIELDS = with(List.of("decisionNo", "decisionIssuer", "decisionDate",
            "ceremonyDate", "introducers", "introducers[0].memberId", "introducers[0].workedWithSince",
            "introducers[1].memberId", "introducers[1].workedWithSince", "cellVote", "cellVote.approving",
            "cellVote.officialMembers", "cellVote.heldOn", "educationLevel", "educationRelaxedArea",
            "ageException", "ageException.docNo", "ageException.issuer", "ageException.issuedOn"));
    private static final List<String> RECOGNITION_FIELDS = with(List.of("decisionNo", "decisionDate", "cellVote",
            "cellVote.approving", "cellVote.officialMembers", "cellVote.heldOn"));
    private static final List<String> REMOVAL_FIELDS = with(List.of("decisionNo", "reason", "occurredOn"));

    private final Commands commands;
    private final QueryGateway queries;
    private final MemberDirectory members;
    private final Organizations organizations;
    private final FormSubmissions submissions;
    private final Labels labels;
    private final BusinessDay day;

    AdmissionPages(Commands commands, QueryGateway queries, MemberDirectory members, Organizations organizations,
                   FormSubmissions submissions, Labels labels, BusinessDay day) {
        this.commands = commands;
        this.queries = queries;
        this.members = members;
        this.organizations = organizations;
        this.submissions = submissions;
        this.labels = labels;
        this.day = day;
    }

    /** An official member of the cell offered as an introducer. */
    record Official(String memberId, String fullName) {
    }

    // --- the awareness course ---

    @GetMapping("/web/members/{id}/awareness-course")
    String courseForm(@PathVariable String id, Model model) {
        return show(courseForm(member(id)), Map.of(), new FormErrors(), UUID.randomUUID().toString(), model);
    }

    @PostMapping("/web/members/{id}/awareness-course")
    String recordCourse(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                        HttpServletResponse response) {
        MemberView member = member(id);
        FormErrors errors = new FormErrors();
        FormFields in = new FormFields(form, errors, labels, day.today());
        String certificateNo = in.text("certificateNo", 100, true);
        LocalDate occurredOn = in.date("occurredOn", true, false);
        AuthorityDto authority = in.authority("authority");
        return submit(courseForm(member), form, errors, model, response,
                () -> commands.send(new RecordAwarenessCourse(id, certificateNo, occurredOn), authority));
    }

    private FormPage courseForm(MemberView member) {
        return form("course", "awareness-course", member, COURSE_FIELDS, Map.of());
    }

    // --- the admission decision ---

    @GetMapping("/web/members/{id}/admission")
    String admissionForm(@PathVariable String id, @RequestParam(required = false) String decisionDate, Model model) {
        MemberView member = member(id);
        FormErrors errors = new FormErrors();
        LocalDate on = rollDate(decisionDate, errors);
        Map<String, String> form = new HashMap<>();
        form.put("decisionDate", on.toString());
        return show(admissionForm(member, on), form, errors, UUID.randomUUID().toString(), model);
    }

    @PostMapping("/web/members/{id}/admission")
    String admit(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                 HttpServletResponse response) {
        MemberView member = member(id);
        FormErrors errors = new FormErrors();
        FormFields in = new FormFields(form, errors, labels, day.today());
        String decisionNo = in.text("decisionNo", 100, true);
        String decisionIssuer = in.text("decisionIssuer", 200, true);
        LocalDate decisionDate = in.date("decisionDate", true, false);
        LocalDate ceremonyDate = in.date("ceremonyDate", true, false);
        List<Introducer> introducers = new ArrayList<>();
        for (int i = 0; i < INTRODUCERS; i++) {
            String memberId = in.text("introducers[" + i + "].memberId", 100, true);
            LocalDate since = in.date("introducers[" + i + "].workedWithSince", true, false);
            introducers.add(new Introducer(memberId, since));
        }
        CellVote vote = vote(in);
        boolean relaxed = "true".equals(form.get("educationRelaxedArea"));
        AuthorityDto ageException = in.authority("ageException");
        AuthorityDto authority = in.authority("authority");
        // the select offers the roll of the date typed; a date that does not parse offers today's
        LocalDate rollOn = decisionDate == null ? day.today() : decisionDate;
        return submit(admissionForm(member, rollOn), form, errors, model, response,
                () -> commands.send(new AdmitMember(id, decisionNo, decisionIssuer, decisionDate, ceremonyDate,
                        introducers, vote, relaxed, AuthorityDto.toAuthority(ageException)), authority));
    }

    private FormPage admissionForm(MemberView member, LocalDate rollOn) {
        RollView roll = organizations.roll(member.organizationId(), rollOn);
        List<Official> officials = roll.items().stream()
                .filter(e -> e.status() == MemberStatus.OFFICIAL && !e.memberId().equals(member.memberId()))
                .map(e -> new Official(e.memberId(), e.fullName()))
                .toList();
        return form("admission", "admission", member, ADMISSION_FIELDS, Map.of("officials", officials,
                "rollOn", rollOn, "introducerRows", IntStream.range(0, INTRODUCERS).boxed().toList()));
    }

    // --- the end of probation: official recognition, or removal from the probationary roll ---

    @GetMapping("/web/members/{id}/recognition")
    String recognitionForm(@PathVariable String id, Model model) {
        return show(recognitionForm(member(id)), Map.of(), new FormErrors(), UUID.randomUUID().toString(), model);
    }

    @PostMapping("/web/members/{id}/recognition")
    String recognize(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                     HttpServletResponse response) {
        MemberView member = member(id);
        FormErrors errors = new FormErrors();
        FormFields in = new FormFields(form, errors, labels, day.today());
        String decisionNo = in.text("decisionNo", 100, true);
        LocalDate decisionDate = in.date("decisionDate", true, false);
        CellVote vote = vote(in);
        AuthorityDto authority = in.authority("authority");
        return submit(recognitionForm(member), form, errors, model, response,
                () -> commands.send(new RecognizeOfficial(id, decisionNo, decisionDate, vote), authority));
    }

    private FormPage recognitionForm(MemberView member) {
        return form("recognition", "recognition", member, RECOGNITION_FIELDS, Map.of());
    }

    @GetMapping("/web/members/{id}/probation-removal")
    String removalForm(@PathVariable String id, Model model) {
        return show(removalForm(member(id)), Map.of(), new FormErrors(), UUID.randomUUID().toString(), model);
    }

    @PostMapping("/web/members/{id}/probation-removal")
    String removeFromProbation(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                               HttpServletResponse response) {
        MemberView member = member(id);
        FormErrors errors = new FormErrors();
        FormFields in = new FormFields(form, errors, labels, day.today());
        String decisionNo = in.text("decisionNo", 100, true);
        String reason = in.text("reason", 500, true);
        LocalDate occurredOn = in.date("occurredOn", true, false);
        AuthorityDto authority = in.authority("authority");
        return submit(removalForm(member), form, errors, model, response,
                () -> commands.send(new RemoveFromProbation(id, decisionNo, reason, occurredOn), authority));
    }

    private FormPage removalForm(MemberView member) {
        return form("removal", "probation-removal", member, REMOVAL_FIELDS, Map.of());
    }

    // --- shared ---

    private MemberView member(String id) {
        if (members.find(id).isEmpty()) {
            throw new UnknownResourceException("no member " + id);
        }
        return queries.query(new FindMember(id), ResponseTypes.instanceOf(MemberView.class)).join();
    }

    /** {@code path}: the form's address under the member, as the API's ({@code awareness-course}, …). */
    private FormPage form(String step, String path, MemberView member, List<String> fields, Map<String, Object> extra) {
        Map<String, Object> attributes = new HashMap<>(extra);
        attributes.put("member", member);
        attributes.put("cell", organizations.view(member.organizationId(), day.today()));
        attributes.put("step", step);
        return new FormPage("development-form", "/web/members/" + member.memberId() + "/" + path, fields,
                attributes);
    }

    /** The date whose roll fills the introducers' select: today unless a valid date up to today was picked. */
    private LocalDate rollDate(String value, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return day.today();
        }
        FormFields in = new FormFields(Map.of("decisionDate", value), errors, labels, day.today());
        LocalDate date = in.date("decisionDate", false, false);
        return date == null ? day.today() : date;
    }

    /** The cell's vote as the API takes it: approving at least 0, official members at least 1, the meeting's date. */
    private CellVote vote(FormFields in) {
        Integer approving = in.whole("cellVote.approving", 0, Integer.MAX_VALUE);
        Integer official = in.whole("cellVote.officialMembers", 1, Integer.MAX_VALUE);
        LocalDate heldOn = in.date("cellVote.heldOn", true, false);
        return approving == null || official == null ? null : new CellVote(approving, official, heldOn);
    }

    private static List<String> with(List<String> fields) {
        List<String> all = new ArrayList<>(fields);
        all.addAll(AUTHORITY_FIELDS);
        return List.copyOf(all);
    }

    /**
     * Shape errors show the form again; otherwise the command is sent once per form key (a resubmit after a dropped
     * connection lands on the first submission's page) and a refusal is shown next to its field. A success leads to
     * the member's dossier once the read models show the new fact.
     */
    private String submit(FormPage page, Map<String, String> form, FormErrors errors, Model model,
                          HttpServletResponse response, Runnable send) {
        String memberId = ((MemberView) page.attributes().get("member")).memberId();
        return page.submit(submissions, labels, day.today(), form, errors, model, response, send,
                position -> "/web/members/" + memberId + "/dossier?recorded=" + page.attributes().get("step")
                        + "&minPosition=" + position);
    }

    private String show(FormPage page, Map<String, String> form, FormErrors errors, String key, Model model) {
        return page.show(model, form, errors, key, day.today());
    }
}
