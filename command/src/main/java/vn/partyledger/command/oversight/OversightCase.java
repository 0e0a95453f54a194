package vn.partyledger.command.oversight;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.partyledger.api.oversight.CaseConcluded;
import vn.partyledger.api.oversight.ConcludeCase;
import vn.partyledger.api.oversight.FindingRecorded;
import vn.partyledger.api.oversight.OpenOversightCase;
import vn.partyledger.api.oversight.OversightCaseOpened;
import vn.partyledger.api.oversight.RecordFinding;
import vn.partyledger.api.oversight.RecordsRequested;
import vn.partyledger.api.oversight.RemedyRequired;
import vn.partyledger.api.oversight.RemedyVerified;
import vn.partyledger.api.oversight.RequestRecords;
import vn.partyledger.api.oversight.RequireRemedy;
import vn.partyledger.api.oversight.VerifyRemedy;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.command.directory.OrganizationEntry;

/**
 * One inspection or supervision case (§2.8): opened on a subject inside the commission's subtree, record requests
 * logged with the time axes they use (I2), findings, a conclusion, remedies tracked until verified. Its events belong to
 * the commission's record; it has no command that touches the subject's record (I1) — remedies are carried out by the
 * subject's own facts. Dissolved or merged subjects stay in scope (I3).
 */
@Aggregate
class OversightCase {

    @AggregateIdentifier
    private String caseId;
    private String organizationId;
    private String subjectOrganizationId;
    private boolean concluded;
    private int requests;
    private int findings;
    private int remedies;
    private final Set<Integer> verified = new HashSet<>();

    OversightCase() {
    }

    @CommandHandler
    OversightCase(OpenOversightCase c, OrganizationDirectory organizations) {
        requireText(c.caseId(), "caseId");
        required(c.kind(), "kind");
        requireText(c.theme(), "theme");
        notInFuture(required(c.occurredOn(), "occurredOn"), "occurredOn");
        requireKnown(organizations, requireText(c.organizationId(), "organizationId"), "organizationId");
        String subject = requireText(c.subjectOrganizationId(), "subjectOrganizationId");
        requireKnown(organizations, subject, "subjectOrganizationId");
        if (!subject.equals(c.organizationId()) && !organizations.ancestors(subject).contains(c.organizationId())) {
            throw LedgerRefusalException.invalid("subjectOrganizationId", "a commission oversees organisations of "
                    + "its own subtree");
        }
        apply(new OversightCaseOpened(c.caseId(), c.organizationId(), c.kind(), subject,
                blankToNull(c.subjectMemberId()), c.theme().strip(), blankToNull(c.programmeId())));
    }

    @CommandHandler
    void handle(RequestRecords c) {
        requireOpen();
        required(c.record(), "record");
        requireText(c.subjectId(), "subjectId");
        LocalDate on = required(c.occurredOn(), "occurredOn");
        if (c.asOf() != null && c.asOf().isAfter(on)) {
            throw LedgerRefusalException.invalid("asOf", "records are requested as of a date that has come");
        }
        if (c.knownAt() != null && c.knownAt().isAfter(Instant.now())) {
            throw LedgerRefusalException.invalid("knownAt", "the ledger cannot be read as it will stand later");
        }
        apply(new RecordsRequested(caseId, organizationId, requests + 1, c.record(), c.subjectId(), c.asOf(),
                c.knownAt()));
    }

    @CommandHandler
    void handle(RecordFinding c) {
        requireOpen();
        requireText(c.text(), "text");
        required(c.occurredOn(), "occurredOn");
        apply(new FindingRecorded(caseId, organizationId, findings + 1, c.text().strip()));
    }

    @CommandHandler
    void handle(ConcludeCase c) {
        requireOpen();
        requireText(c.conclusion(), "conclusion");
        required(c.occurredOn(), "occurredOn");
        List<String> recommendations = c.recommendations() == null ? List.of()
                : c.recommendations().stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
        apply(new CaseConcluded(caseId, organizationId, c.conclusion().strip(), recommendations));
    }

    @CommandHandler
    void handle(RequireRemedy c) {
        if (!concluded) {
            throw LedgerRefusalException.state("case " + caseId + " requires remedies in its conclusion; conclude "
                    + "it first");
        }
        requireText(c.text(), "text");
        LocalDate on = required(c.occurredOn(), "occurredOn");
        if (c.dueDate() != null && c.dueDate().isBefore(on)) {
            throw LedgerRefusalException.invalid("dueDate", "a remedy is due after it is required");
        }
        apply(new RemedyRequired(caseId, organizationId, subjectOrganizationId, remedies + 1, c.text().strip(),
                c.dueDate()));
    }

    @CommandHandler
    void handle(VerifyRemedy c) {
        if (c.remedyNo() < 1 || c.remedyNo() > remedies) {
            throw LedgerRefusalException.invalid("remedyNo", "case " + caseId + " has no remedy " + c.remedyNo());
        }
        if (verified.contains(c.remedyNo())) {
            throw LedgerRefusalException.state("remedy " + c.remedyNo() + " is already verified");
        }
        required(c.occurredOn(), "occurredOn");
        apply(new RemedyVerified(caseId, organizationId, c.remedyNo(), blankToNull(c.note())));
    }

    @EventSourcingHandler
    void on(OversightCaseOpened e) {
        caseId = e.caseId();
        organizationId = e.organizationId();
        subjectOrganizationId = e.subjectOrganizationId();
    }

    @EventSourcingHandler
    void on(RecordsRequested e) {
        requests = e.requestNo();
    }

    @EventSourcingHandler
    void on(FindingRecorded e) {
        findings = e.findingNo();
    }

    @EventSourcingHandler
    void on(CaseConcluded e) {
        concluded = true;
    }

    @EventSourcingHandler
    void on(RemedyRequired e) {
        remedies = e.remedyNo();
    }

    @EventSourcingHandler
    void on(RemedyVerified e) {
        verified.add(e.remedyNo());
    }

    private void requireOpen() {
        if (concluded) {
            throw LedgerRefusalException.state("case " + caseId + " is concluded");
        }
    }

    private static void requireKnown(OrganizationDirectory organizations, String id, String field) {
        // Ended organisations stay in scope (I3): only an unknown id is refused.
        OrganizationEntry entry = organizations.find(id).orElse(null);
        if (entry == null) {
            throw LedgerRefusalException.notFound(field, "no organisation " + id);
        }
    }

    private static LocalDate notInFuture(LocalDate date, String field) {
        if (date.isAfter(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))) {
            throw LedgerRefusalException.invalid(field, "a fact cannot be recorded before it happens");
        }
        return date;
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

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw LedgerRefusalException.invalid(field, field + " is required");
        }
        return value;
    }
}
