package vn.partyledger.ops.oversight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.api.oversight.AdoptOversightProgramme;
import vn.partyledger.api.oversight.ConcludeCase;
import vn.partyledger.api.oversight.OpenOversightCase;
import vn.partyledger.api.oversight.OversightKind;
import vn.partyledger.api.oversight.RecordFinding;
import vn.partyledger.api.oversight.RequestRecords;
import vn.partyledger.api.oversight.RequestedRecord;
import vn.partyledger.api.oversight.RequireRemedy;
import vn.partyledger.api.oversight.VerifyRemedy;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.ops.history.History;
import vn.partyledger.ops.history.HistoryFilter;
import vn.partyledger.ops.history.HistoryReader;
import vn.partyledger.ops.history.InspectorReads;
import vn.partyledger.ops.web.AuthorityDto;
import vn.partyledger.ops.web.Commands;
import vn.partyledger.ops.web.Created;
import vn.partyledger.ops.web.Reads;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * Oversight (§2.8): annual programmes, inspection and supervision cases, record requests logged with their time axes
 * and answered from the bitemporal history, findings, conclusion, remedies tracked to verification. Every command here
 * addresses an oversight record; none reaches the subject's record (I1).
 */
@RestController
@Tag(name = "Oversight", description = "Inspection and supervision: programmes, cases, record requests, findings")
class OversightController {

    private static final String CASES = "/api/v1/oversight/cases";

    private final Commands commands;
    private final OrganizationDirectory organizations;
    private final MemberDirectory members;
    private final HistoryReader histories;
    private final InspectorReads inspectorReads;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    OversightController(Commands commands, OrganizationDirectory organizations,
                        MemberDirectory members, HistoryReader histories, InspectorReads inspectorReads,
                        NamedParameterJdbcTemplate jdbc) {
        this.commands = commands;
        this.organizations = organizations;
        this.members = members;
        this.histories = histories;
        this.inspectorReads = inspectorReads;
        this.jdbc = jdbc;
    }

    record ProgrammeRequest(@NotBlank @Size(max = 64) String organizationId, @Min(2000) @Max(2100) int year,
                            @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 500) String> themes,
                            @Size(max = 1000) List<@NotBlank @Size(max = 64) String> targetOrganizationIds,
                            @Valid AuthorityDto authority, @NotNull @PastOrPresent LocalDate occurredOn) {
    }

    record CaseRequest(@NotBlank @Size(max = 64) String organizationId, @NotNull OversightKind kind,
                       @NotBlank @Size(max = 64) String subjectOrganizationId, @Size(max = 64) String subjectMemberId,
                       @NotBlank @Size(max = 500) String theme, @Size(max = 64) String programmeId,
                       @Valid AuthorityDto authority, @NotNull @PastOrPresent LocalDate occurredOn) {
    }

    record RecordRequest(@NotNull RequestedRecord record, @NotBlank @Size(max = 64) String subjectId,
                         @PastOrPresent LocalDate asOf, Instant knownAt, @Min(0) @Max(100_000) Integer page,
                         @Min(1) @Max(500) Integer size, @NotNull @PastOrPresent LocalDate occurredOn) {
    }

    record FindingRequest(@NotBlank @Size(max = 4000) String text, @NotNull @PastOrPresent LocalDate occurredOn) {
    }

    record ConclusionRequest(@NotBlank @Size(max = 8000) String conclusion,
                             @Size(max = 100) List<@NotBlank @Size(max = 2000) String> recommendations,
                             @Valid AuthorityDto authority, @NotNull @PastOrPresent LocalDate occurredOn) {
    }

    record RemedyRequest(@NotBlank @Size(max = 2000) String text, LocalDate dueDate,
                         @NotNull @PastOrPresent LocalDate occurredOn) {
    }

    record VerificationRequest(@Min(1) int remedyNo, @Size(max = 2000) String note,
                               @NotNull @PastOrPresent LocalDate occurredOn) {
    }

    /** A case file folded from the case's own events in the ledger. */
    record CaseFile(String caseId, String organizationId, OversightKind kind, String subjectOrganizationId,
                    String subjectMemberId, String theme, String programmeId, List<JsonNode> recordRequests,
                    List<JsonNode> findings, String conclusion, List<String> recommendations, List<Remedy> remedies,
                    Provenance provenance) {
    }

    record Remedy(int remedyNo, String text, LocalDate dueDate, boolean verified, String note) {
    }

    @PostMapping("/api/v1/oversight/programmes")
    @Operation(summary = "Adopt the commission's annual oversight programme")
    ResponseEntity<Created> programme(@Valid @RequestBody ProgrammeRequest r) {
        known(r.organizationId(), "organizationId");
        String id = UUID.randomUUID().toString();
        commands.send(new AdoptOversightProgramme(id, r.organizationId(), r.year(), r.themes(),
                r.targetOrganizationIds(), r.occurredOn()), r.authority());
        return Created.at("/api/v1/oversight/programmes", id);
    }

    @PostMapping(CASES)
    @Operation(summary = "Open an inspection or supervision case on an organisation of the commission's subtree")
    ResponseEntity<Created> open(@Valid @RequestBody CaseRequest r) {
        known(r.organizationId(), "organizationId");
        String id = UUID.randomUUID().toString();
        commands.send(new OpenOversightCase(id, r.organizationId(), r.kind(), r.subjectOrganizationId(),
                r.subjectMemberId(), r.theme(), r.programmeId(), r.occurredOn()), r.authority());
        return Created.at(CASES, id);
    }

    /** Logged first (I2), then answered from the history as of {@code asOf} and known at {@code knownAt}. */
    @PostMapping(CASES + "/{id}/record-requests")
    @Operation(summary = "Request a record of the case's subject as of a date / as known at an instant; logged, then answered")
    ResponseEntity<History> request(@PathVariable String id, @Valid @RequestBody RecordRequest r) {
        CaseFile file = fold(id);
        String owner = owner(file, r);
        commands.send(new RequestRecords(id, r.record(), r.subjectId(), r.asOf(), r.knownAt(), r.occurredOn()), null);
        HistoryFilter filter = new HistoryFilter(null, null, r.asOf(), null, null, r.knownAt(), null, null,
                r.page() == null ? 0 : r.page(), r.size() == null ? 50 : r.size());
        History answer = r.record() == RequestedRecord.MEMBER_DOSSIER
                ? histories.dossier(r.subjectId(), filter, Locale.forLanguageTag("vi"))
                : histories.organization(r.subjectId(), histories.everBelow(r.subjectId()), filter,
                Locale.forLanguageTag("vi"));
        inspectorReads.record(owner, r.record(), r.subjectId(), r.asOf(), r.knownAt());
        return Reads.ok(answer, answer.provenance());
    }

    @PostMapping(CASES + "/{id}/findings")
    @Operation(summary = "Record a finding of an open case")
    ResponseEntity<Created> finding(@PathVariable String id, @Valid @RequestBody FindingRequest r) {
        commands.send(new RecordFinding(id, r.text(), r.occurredOn()), null);
        return Created.accepted(CASES, id);
    }

    @PostMapping(CASES + "/{id}/conclusion")
    @Operation(summary = "Conclude the case")
    ResponseEntity<Created> conclude(@PathVariable String id, @Valid @RequestBody ConclusionRequest r) {
        commands.send(new ConcludeCase(id, r.conclusion(), r.recommendations(), r.occurredOn()), r.authority());
        return Created.accepted(CASES, id);
    }

    @PostMapping(CASES + "/{id}/remedies")
    @Operation(summary = "Require a remedy of the subject organisation (carried out by the subject's own facts)")
    ResponseEntity<Created> remedy(@PathVariable String id, @Valid @RequestBody RemedyRequest r) {
        commands.send(new RequireRemedy(id, r.text(), r.dueDate(), r.occurredOn()), null);
        return Created.accepted(CASES, id);
    }

    @PostMapping(CASES + "/{id}/remedy-verifications")
    @Operation(summary = "Verify that a remedy was carried out")
    ResponseEntity<Created> verify(@PathVariable String id, @Valid @RequestBody VerificationRequest r) {
        commands.send(new VerifyRemedy(id, r.remedyNo(), r.note(), r.occurredOn()), null);
        return Created.accepted(CASES, id);
    }

    @GetMapping(CASES + "/{id}")
    @Operation(summary = "OversightCaseFile: programme item, records requested (with asOf/knownAt), findings, conclusion, remedies")
    ResponseEntity<CaseFile> get(@PathVariable String id) {
        CaseFile file = fold(id);
        return Reads.ok(file, file.provenance());
    }

    /** The subject's record must lie within the case's subject; returns the organisation whose record it is. */
    private String owner(CaseFile file, RecordRequest r) {
        String organization = r.subjectId();
        if (r.record() == RequestedRecord.MEMBER_DOSSIER) {
            MemberEntry member = members.find(r.subjectId()).orElseThrow(() ->
                    LedgerRefusalException.notFound("subjectId", "no member " + r.subjectId()));
            organization = member.organizationId();
        } else if (r.record() != RequestedRecord.ORGANIZATION_HISTORY) {
            throw LedgerRefusalException.invalid("record", "a case requests an organisation history or a member "
                    + "dossier");
        }
        known(organization, "subjectId");
        boolean within = organization.equals(file.subjectOrganizationId())
                || organizations.ancestors(organization).contains(file.subjectOrganizationId())
                || r.subjectId().equals(file.subjectMemberId());
        if (!within) {
            throw LedgerRefusalException.invalid("subjectId", "the case concerns " + file.subjectOrganizationId()
                    + "; it requests records of that subject only");
        }
        return organization;
    }

    private CaseFile fold(String caseId) {
        List<JsonNode[]> events = jdbc.query("""
                select payload_type, convert_from(payload, 'UTF8') as payload, global_index from ledger_event
                 where aggregate_id = :id order by aggregate_seq""", new MapSqlParameterSource("id", caseId),
                (rs, n) -> new JsonNode[] {json.getNodeFactory().textNode(rs.getString("payload_type")),
                        parse(rs.getString("payload")), json.getNodeFactory().numberNode(rs.getLong("global_index"))});
        if (events.isEmpty() || !events.get(0)[0].asText().endsWith(".OversightCaseOpened")) {
            throw new UnknownResourceException("no oversight case " + caseId);
        }
        JsonNode opened = events.get(0)[1];
        List<JsonNode> requests = new ArrayList<>();
        List<JsonNode> findings = new ArrayList<>();
        List<Remedy> remedies = new ArrayList<>();
        String conclusion = null;
        List<String> recommendations = List.of();
        for (JsonNode[] e : events) {
            String type = e[0].asText().substring(e[0].asText().lastIndexOf('.') + 1);
            JsonNode p = e[1];
            switch (type) {
                case "RecordsRequested" -> requests.add(p);
                case "FindingRecorded" -> findings.add(p);
                case "CaseConcluded" -> {
                    conclusion = p.path("conclusion").asText();
                    List<String> list = new ArrayList<>();
                    p.path("recommendations").forEach(x -> list.add(x.asText()));
                    recommendations = List.copyOf(list);
                }
                case "RemedyRequired" -> remedies.add(new Remedy(p.path("remedyNo").asInt(), p.path("text").asText(),
                        p.hasNonNull("dueDate") ? LocalDate.parse(p.get("dueDate").asText()) : null, false, null));
                case "RemedyVerified" -> {
                    int no = p.path("remedyNo").asInt();
                    remedies.replaceAll(x -> x.remedyNo() == no ? new Remedy(no, x.text(), x.dueDate(), true,
                            p.hasNonNull("note") ? p.get("note").asText() : null) : x);
                }
                default -> {
                }
            }
        }
        long position = events.get(events.size() - 1)[2].asLong();
        return new CaseFile(caseId, opened.path("organizationId").asText(),
                OversightKind.valueOf(opened.path("kind").asText()), opened.path("subjectOrganizationId").asText(),
                text(opened, "subjectMemberId"), opened.path("theme").asText(), text(opened, "programmeId"),
                List.copyOf(requests), List.copyOf(findings), conclusion, recommendations, List.copyOf(remedies),
                new Provenance("ledger-event", 1, position, null));
    }

    private void known(String organizationId, String field) {
        if (organizations.find(organizationId).isEmpty()) {
            throw LedgerRefusalException.notFound(field, "no organisation " + organizationId);
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event is not JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
