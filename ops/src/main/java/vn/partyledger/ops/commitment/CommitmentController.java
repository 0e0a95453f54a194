package vn.partyledger.ops.commitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.api.commitment.CommitmentCoverage;
import vn.partyledger.api.commitment.CommitmentSections;
import vn.partyledger.api.commitment.FindCommitmentCoverage;
import vn.partyledger.api.commitment.NoteCommitmentBreach;
import vn.partyledger.api.commitment.ReviewCommitment;
import vn.partyledger.api.commitment.SelfAssessCommitment;
import vn.partyledger.api.commitment.SubmitCommitment;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.ops.web.AuthorityDto;
import vn.partyledger.ops.web.Commands;
import vn.partyledger.ops.web.Created;
import vn.partyledger.ops.web.Reads;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * Yearly commitments (§2.5). A commitment's id is {@code <memberId>:<year>}: one per member and year, so a second
 * submission for the year is a 409 naming {@code year}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Commitments", description = "Members' yearly pledges (bản cam kết), their review and self-assessment")
class CommitmentController {

    private static final String PATH = "/api/v1/commitments";

    private final Commands commands;
    private final QueryGateway queries;
    private final OrganizationDirectory organizations;
    private final MemberDirectory members;

    CommitmentController(Commands commands, QueryGateway queries, OrganizationDirectory organizations, MemberDirectory members) {
        this.commands = commands;
        this.queries = queries;
        this.organizations = organizations;
        this.members = members;
    }

    record SectionsDto(@NotBlank @Size(max = 4000) String politicalIdeology,
                       @NotBlank @Size(max = 4000) String ethicsAndLifestyle,
                       @NotBlank @Size(max = 4000) String assignedDuties,
                       @NotBlank @Size(max = 4000) String organizationalDiscipline,
                       @NotBlank @Size(max = 4000) String remedyingShortcomings,
                       @NotBlank @Size(max = 4000) String congressResolutionPlan) {
    }

    record SubmissionRequest(@NotNull @Min(1930) @Max(2100) Integer year, @NotNull @Valid SectionsDto sections,
                             @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/members/{id}/commitments")
    @Operation(summary = "The member submits the year's pledge (six sections) to the cell")
    ResponseEntity<Created> submit(@PathVariable String id, @Valid @RequestBody SubmissionRequest r) {
        members.find(id).orElseThrow(() -> new UnknownResourceException("no member " + id));
        String commitmentId = SubmitCommitment.idOf(id, r.year());
        SectionsDto s = r.sections();
        commands.send(new SubmitCommitment(commitmentId, id, r.year(), new CommitmentSections(s.politicalIdeology(),
                        s.ethicsAndLifestyle(), s.assignedDuties(), s.organizationalDiscipline(),
                        s.remedyingShortcomings(), s.congressResolutionPlan()), r.occurredOn()),
                r.authority());
        return Created.at(PATH, commitmentId);
    }

    record ReviewRequest(@Size(max = 4000) String remarks, @NotNull @PastOrPresent LocalDate occurredOn,
                         @Valid AuthorityDto authority) {
    }

    @PostMapping("/commitments/{id}/review")
    @Operation(summary = "The cell reviews the pledge")
    ResponseEntity<Created> review(@PathVariable String id, @Valid @RequestBody ReviewRequest r) {
        commands.send(new ReviewCommitment(id, r.remarks(), r.occurredOn()), r.authority());
        return Created.accepted(PATH, id);
    }

    record SelfAssessmentRequest(@NotNull Boolean fulfilled, @NotBlank @Size(max = 4000) String assessment,
                                 @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/commitments/{id}/self-assessment")
    @Operation(summary = "The member's year-end self-assessment of the pledge")
    ResponseEntity<Created> selfAssess(@PathVariable String id, @Valid @RequestBody SelfAssessmentRequest r) {
        commands.send(new SelfAssessCommitment(id, r.fulfilled(), r.assessment(), r.occurredOn()),
                r.authority());
        return Created.accepted(PATH, id);
    }

    record BreachRequest(@Size(max = 100) String meetingId, @NotBlank @Size(max = 2000) String description,
                         @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/commitments/{id}/breaches")
    @Operation(summary = "Note a breach of the pledge (the member was reminded at a meeting)")
    ResponseEntity<Created> breach(@PathVariable String id, @Valid @RequestBody BreachRequest r) {
        commands.send(new NoteCommitmentBreach(id, r.meetingId(), r.description(), r.occurredOn()),
                r.authority());
        return Created.accepted(PATH, id);
    }

    @GetMapping("/organizations/{id}/commitment-coverage")
    @Operation(summary = "Members expected to pledge vs. submitted, reviewed, self-assessed: over the subtree, and "
            + "per cell of the subtree, paged")
    ResponseEntity<CommitmentCoverage> coverage(@PathVariable String id,
                                                @RequestParam @Min(1930) @Max(2100) int year,
                                                @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                                @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        if (organizations.find(id).isEmpty()) {
            throw new UnknownResourceException("no organisation " + id);
        }
        CommitmentCoverage coverage = queries.query(new FindCommitmentCoverage(id, year, page, size),
                ResponseTypes.instanceOf(CommitmentCoverage.class)).join();
        return Reads.ok(coverage, coverage.provenance());
    }

}
