package vn.partyledger.ops.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.partyledger.api.organization.OrganizationView;
import vn.partyledger.ops.integrity.ChainVerification;
import vn.partyledger.ops.integrity.NoSigningKeyException;
import vn.partyledger.ops.integrity.ScopeEvidence;

/**
 * For inspection commissions: an organisation's chain verified against the seals (the result, and the seal it was
 * checked against with the digest to compare with the one written in the minutes book), and its bundle to take away
 * and check offline. The same service as the API's (ScopeEvidence), so an inspector's bundle is recorded as the API
 * records it.
 */
@Controller
class IntegrityPages extends Pages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final ScopeEvidence evidence;
    private final Organizations organizations;
    private final Labels labels;
    private final BusinessDay day;
    private final ZoneId zone;

    IntegrityPages(ScopeEvidence evidence, Organizations organizations, Labels labels, BusinessDay day,
                   @Value("${ledger.business-zone:Asia/Ho_Chi_Minh}") String zone) {
        this.evidence = evidence;
        this.organizations = organizations;
        this.labels = labels;
        this.day = day;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/web/organizations/{id}/verification")
    String verify(@PathVariable String id, Model model) {
        OrganizationView org = organizations.view(id, day.today());
        ChainVerification.Verification result = evidence.verify(id);
        model.addAttribute("org", org);
        model.addAttribute("result", result);
        model.addAttribute("digest", result.sealNo() == null ? result.sealDigest()
                : evidence.spokenDigest(result.sealNo()).orElse(result.sealDigest()));
        model.addAttribute("sealedAt", local(result.sealedAt()));
        model.addAttribute("verifiedAt", local(result.verifiedAt()));
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return "verification";
    }

    /** An instant as the pages show times: Vietnam's wall clock. */
    private String local(String instant) {
        if (instant == null) {
            return null;
        }
        try {
            return WHEN.format(Instant.parse(instant).atZone(zone));
        } catch (RuntimeException notAnInstant) {
            return instant;
        }
    }

    /** A date range that selects nothing: the form comes back with the reason, no bundle, no verification. */
    static final class BadRange extends RuntimeException {
        final OrganizationView org;
        final Map<String, String> form;
        final Map<String, String> errors;

        BadRange(OrganizationView org, Map<String, String> form, Map<String, String> errors) {
            super("bad bundle range");
            this.org = org;
            this.form = form;
            this.errors = errors;
        }
    }

    @GetMapping("/web/organizations/{id}/bundle")
    ResponseEntity<StreamingResponseBody> bundle(@PathVariable String id,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "false") boolean subtree) {
        OrganizationView org = organizations.view(id, day.today());
        FormErrors errors = new FormErrors();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("from", from == null ? "" : from);
        form.put("to", to == null ? "" : to);
        FormFields in = new FormFields(form, errors, labels, day.today());
        LocalDate fromDate = in.date("from", false, false);
        LocalDate toDate = in.date("to", false, false);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add("to", labels.of("history.toBeforeFrom"));
        }
        if (!errors.isEmpty()) {
            throw new BadRange(org, form, errors.byField());
        }
        ScopeEvidence.Export export = evidence.bundle(id, fromDate, toDate, subtree);
        StreamingResponseBody body = out -> export.body().writeTo(out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header("Content-Disposition", ContentDisposition.attachment().filename(export.fileName()).build()
                        .toString())
                .body(body);
    }

    @ExceptionHandler(BadRange.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRange(BadRange e, Model model) {
        model.addAttribute("org", e.org);
        model.addAttribute("form", e.form);
        model.addAttribute("errors", e.errors);
        return "verification";
    }

    @ExceptionHandler(NoSigningKeyException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String noKey(NoSigningKeyException e, Model model) {
        model.addAttribute("status", 503);
        model.addAttribute("detail", labels.of("verify.noKey") + " " + e.getMessage());
        return "error-page";
    }
}
