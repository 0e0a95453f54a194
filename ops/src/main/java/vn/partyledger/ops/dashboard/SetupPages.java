package vn.partyledger.ops.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.EnrollExistingMember;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.RegisterCandidate;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.EstablishOrganization;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.organization.OrganizationView;
import vn.partyledger.ops.web.AuthorityDto;
import vn.partyledger.ops.web.Commands;

/**
 * The forms a newcomer needs to set up a ledger from the browser (the walk-through's steps): establish an organisation
 * (a province at the top, anything else below its parent), put a member already admitted on paper on the roll, and
 * register a candidate. The commands are the API's, sent through {@link Commands} and judged by the same rules; the
 * shape checks are the API's request rules. After a success the next page waits until the read models show it
 * ({@code minPosition}, read-your-writes).
 */
@Controller
class SetupPages extends Pages {

    private static final List<String> ORGANIZATION_FIELDS = List.of("level", "cellType", "name", "occurredOn",
            "authority.docNo", "authority.issuer", "authority.issuedOn");
    private static final List<String> PERSON_FIELDS = List.of("fullName", "birthDate", "gender", "ethnicity",
            "educationLevel", "occurredOn");
    private static final List<String> ENROLMENT_FIELDS = List.of("fullName", "birthDate", "gender", "ethnicity",
            "educationLevel", "admittedOn", "ceremonyDate", "officialOn", "cardNumber", "source", "occurredOn");

    private final Commands commands;
    private final Organizations organizations;
    private final FormSubmissions submissions;
    private final Labels labels;
    private final BusinessDay day;

    SetupPages(Commands commands, Organizations organizations, FormSubmissions submissions, Labels labels,
               BusinessDay day) {
        this.commands = commands;
        this.organizations = organizations;
        this.submissions = submissions;
        this.labels = labels;
        this.day = day;
    }

    // --- establish an organisation ---

    @GetMapping("/web/organizations/new")
    String topForm(Model model) {
        return show(organizationForm(null), Map.of("level", OrganizationLevel.PROVINCE.name()), new FormErrors(),
                UUID.randomUUID().toString(), model);
    }

    @PostMapping("/web/organizations")
    String establishTop(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return establish(null, form, model, response);
    }

    @GetMapping("/web/organizations/{parentId}/children/new")
    String childForm(@PathVariable String parentId, Model model) {
        OrganizationView parent = organizations.view(parentId, day.today());
        return show(organizationForm(parent), Map.of("level", below(parent.level()).name()), new FormErrors(),
                UUID.randomUUID().toString(), model);
    }

    @PostMapping("/web/organizations/{parentId}/children")
    String establishChild(@PathVariable String parentId, @RequestParam Map<String, String> form, Model model,
                          HttpServletResponse response) {
        return establish(organizations.view(parentId, day.today()), form, model, response);
    }

    private String establish(OrganizationView parent, Map<String, String> form, Model model,
                             HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        FormFields in = new FormFields(form, errors, labels, day.today());
        OrganizationLevel level = in.choice(OrganizationLevel.class, "level", true);
        CellType cellType = in.choice(CellType.class, "cellType", false);
        String name = in.text("name", 200, true);
        LocalDate occurredOn = in.date("occurredOn", true, false);
        AuthorityDto authority = in.authority("authority");
        String id = UUID.randomUUID().toString();
        String parentId = parent == null ? null : parent.organizationId();
        return submit(organizationForm(parent), form, errors, model, response,
                () -> commands.send(new EstablishOrganization(id, level, cellType, parentId, name, null, occurredOn),
                        authority),
                position -> "/web/organizations?established=" + id + "&minPosition=" + position);
    }

    private FormPage organizationForm(OrganizationView parent) {
        String action = parent == null ? "/web/organizations" : "/web/organizations/" + parent.organizationId()
                + "/children";
        Map<String, Object> attributes = new java.util.HashMap<>();
        attributes.put("levels", OrganizationLevel.values());
        attributes.put("cellTypes", CellType.values());
        if (parent != null) {
            attributes.put("parent", parent);
        }
        return new FormPage("organization-form", action, ORGANIZATION_FIELDS, attributes);
    }

    /** The level a new child usually has, preselected in the form. */
    private static OrganizationLevel below(OrganizationLevel parent) {
        return switch (parent) {
            case PROVINCE -> OrganizationLevel.COMMUNE;
            case DISTRICT -> OrganizationLevel.COMMUNE;
            case CELL -> OrganizationLevel.PARTY_GROUP;
            default -> OrganizationLevel.CELL;
        };
    }

    // --- enrol a member taken over from the paper roll ---

    @GetMapping("/web/organizations/{cellId}/enrollments/new")
    String enrolmentForm(@PathVariable String cellId, Model model) {
        OrganizationView cell = organizations.view(cellId, day.today());
        return show(enrolmentForm(cell), Map.of("source", labels.of("enrol.defaultSource")), new FormErrors(),
                UUID.randomUUID().toString(), model);
    }

    @PostMapping("/web/organizations/{cellId}/enrollments")
    String enrol(@PathVariable String cellId, @RequestParam Map<String, String> form, Model model,
                 HttpServletResponse response) {
        OrganizationView cell = organizations.view(cellId, day.today());
        FormErrors errors = new FormErrors();
        FormFields in = new FormFields(form, errors, labels, day.today());
        String fullName = in.text("fullName", 200, true);
        LocalDate birthDate = in.date("birthDate", true, true);
        Gender gender = in.choice(Gender.class, "gender", true);
        String ethnicity = in.text("ethnicity", 50, false);
        EducationLevel education = in.choice(EducationLevel.class, "educationLevel", false);
        LocalDate admittedOn = in.date("admittedOn", true, false);
        LocalDate ceremonyDate = in.date("ceremonyDate", false, false);
        LocalDate officialOn = in.date("officialOn", false, false);
        String cardNumber = in.text("cardNumber", 50, false);
        String source = in.text("source", 200, true);
        LocalDate occurredOn = in.date("occurredOn", true, false);
        AuthorityDto authority = in.authority("authority");
        String id = UUID.randomUUID().toString();
        return submit(enrolmentForm(cell), form, errors, model, response,
                // the paper roll has no ceremony date column: the admission date stands for it, as in the roll import
                () -> commands.send(new EnrollExistingMember(id, cellId, fullName, birthDate, gender, ethnicity,
                        education, admittedOn, ceremonyDate == null ? admittedOn : ceremonyDate, officialOn,
                        cardNumber, source, occurredOn), authority),
                position -> "/web/members/" + id + "/dossier?minPosition=" + position);
    }

    private FormPage enrolmentForm(OrganizationView cell) {
        return new FormPage("enrolment-form", "/web/organizations/" + cell.organizationId() + "/enrollments",
                ENROLMENT_FIELDS, Map.of("cell", cell, "genders", Gender.values(), "educationLevels",
                EducationLevel.values(), "candidate", false));
    }

    // --- register a candidate ---

    @GetMapping("/web/organizations/{cellId}/candidates/new")
    String candidateForm(@PathVariable String cellId, Model model) {
        OrganizationView cell = organizations.view(cellId, day.today());
        return show(candidateForm(cell), Map.of(), new FormErrors(), UUID.randomUUID().toString(), model);
    }

    @PostMapping("/web/organizations/{cellId}/candidates")
    String register(@PathVariable String cellId, @RequestParam Map<String, String> form, Model model,
                    HttpServletResponse response) {
        OrganizationView cell = organizations.view(cellId, day.today());
        FormErrors errors = new FormErrors();
        FormFields in = new FormFields(form, errors, labels, day.today());
        String fullName = in.text("fullName", 200, true);
        LocalDate birthDate = in.date("birthDate", true, true);
        Gender gender = in.choice(Gender.class, "gender", true);
        String ethnicity = in.text("ethnicity", 50, false);
        EducationLevel education = in.choice(EducationLevel.class, "educationLevel", false);
        LocalDate occurredOn = in.date("occurredOn", true, false);
        AuthorityDto authority = in.authority("authority");
        String id = UUID.randomUUID().toString();
        return submit(candidateForm(cell), form, errors, model, response,
                () -> commands.send(new RegisterCandidate(id, cellId, fullName, birthDate, gender, ethnicity,
                        education, occurredOn), authority),
                position -> "/web/members/" + id + "/dossier?minPosition=" + position);
    }

    private FormPage candidateForm(OrganizationView cell) {
        return new FormPage("enrolment-form", "/web/organizations/" + cell.organizationId() + "/candidates",
                PERSON_FIELDS, Map.of("cell", cell, "genders", Gender.values(), "educationLevels",
                EducationLevel.values(), "candidate", true));
    }

    // --- shared ---

    /**
     * Shape errors show the form again; otherwise the command is sent once per form key (a resubmit after a dropped
     * connection lands on the first submission's page) and a refusal is shown next to its field.
     */
    private String submit(FormPage page, Map<String, String> form, FormErrors errors, Model model,
                          HttpServletResponse response, Runnable send, Function<String, String> next) {
        return page.submit(submissions, labels, day.today(), form, errors, model, response, send, next);
    }

    private String show(FormPage page, Map<String, String> form, FormErrors errors, String key, Model model) {
        return page.show(model, form, errors, key, day.today());
    }
}
