package vn.partyledger.ops.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.api.oversight.RequestedRecord;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.ops.web.Reads;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * Histories for inspectors: a member's dossier and an organisation's history (optionally its whole subtree), every fact
 * with its envelope, a one-line summary and the fact, filtered by business date, recorded time, type and "known at";
 * and who of an inspection role has read an organisation's record.
 */
@RestController
@Tag(name = "Histories", description = "Member dossiers, organisation histories and logged inspector reads")
class HistoryController {

    private final HistoryReader reader;
    private final MemberDirectory members;
    private final OrganizationDirectory organizations;
    private final InspectorReads inspectorReads;

    HistoryController(HistoryReader reader, MemberDirectory members,
                      OrganizationDirectory organizations, InspectorReads inspectorReads) {
        this.reader = reader;
        this.members = members;
        this.organizations = organizations;
        this.inspectorReads = inspectorReads;
    }

    @GetMapping("/api/v1/members/{id}/dossier")
    @Operation(summary = "MemberDossier: every fact concerning the member, in order, with envelope and summary")
    ResponseEntity<History> dossier(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Instant recordedFrom, @RequestParam(required = false) Instant recordedTo,
            @RequestParam(required = false) @PastOrPresent Instant knownAt,
            @RequestParam(required = false) @Size(max = 50) List<@Pattern(regexp = "[A-Za-z]{1,80}") String> types,
            @RequestParam(required = false) @Min(0) Long after,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @RequestHeader(value = "Accept-Language", required = false) String language) {
        MemberEntry member = members.find(id).orElseThrow(() -> new UnknownResourceException("no member " + id));
        History history = reader.dossier(id, new HistoryFilter(from, to, asOf, recordedFrom, recordedTo, knownAt,
                types, after, page, size), locale(language));
        inspectorReads.record(member.organizationId(), RequestedRecord.MEMBER_DOSSIER, id, asOf, knownAt);
        return Reads.ok(history, history.provenance());
    }

    @GetMapping("/api/v1/organizations/{id}/history")
    @Operation(summary = "The organisation's record in its own order; subtree=true: every organisation ever below it")
    ResponseEntity<History> history(@PathVariable String id, @RequestParam(defaultValue = "false") boolean subtree,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Instant recordedFrom, @RequestParam(required = false) Instant recordedTo,
            @RequestParam(required = false) @PastOrPresent Instant knownAt,
            @RequestParam(required = false) @Size(max = 50) List<@Pattern(regexp = "[A-Za-z]{1,80}") String> types,
            @RequestParam(required = false) @Min(0) Long after,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @RequestHeader(value = "Accept-Language", required = false) String language) {
        knownOrganization(id);
        List<String> scopes = subtree ? reader.everBelow(id) : List.of(id);
        History history = reader.organization(id, scopes, new HistoryFilter(from, to, asOf, recordedFrom, recordedTo,
                knownAt, types, after, page, size), locale(language));
        inspectorReads.record(id, RequestedRecord.ORGANIZATION_HISTORY, id, asOf, knownAt);
        return Reads.ok(history, history.provenance());
    }

    @GetMapping("/api/v1/organizations/{id}/record-reads")
    @Operation(summary = "Who of an inspection role read this organisation's record: when, what, with which asOf/knownAt")
    ResponseEntity<History> recordReads(@PathVariable String id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @RequestHeader(value = "Accept-Language", required = false) String language) {
        knownOrganization(id);
        History reads = reader.organization(id, List.of(id), new HistoryFilter(null, null, null, null, null, null,
                List.of("InspectorReadRecorded"), null, page, size), locale(language));
        return Reads.ok(reads, reads.provenance());
    }

    private void knownOrganization(String id) {
        if (organizations.find(id).isEmpty()) {
            throw new UnknownResourceException("no organisation " + id);
        }
    }

    /** Vietnamese unless the client prefers English. */
    private static Locale locale(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }
}
