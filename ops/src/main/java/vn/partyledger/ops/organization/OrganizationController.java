package vn.partyledger.ops.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.api.member.CandidateList;
import vn.partyledger.api.member.FindCandidates;
import vn.partyledger.api.organization.AssignLiaison;
import vn.partyledger.api.organization.AssignOfficer;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.DissolveOrganization;
import vn.partyledger.api.organization.EndLiaison;
import vn.partyledger.api.organization.EstablishOrganization;
import vn.partyledger.api.organization.FindOrganization;
import vn.partyledger.api.organization.FindOrganizationTree;
import vn.partyledger.api.organization.FindRoll;
import vn.partyledger.api.organization.MergeOrganization;
import vn.partyledger.api.organization.OfficerRole;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.organization.OrganizationTree;
import vn.partyledger.api.organization.OrganizationView;
import vn.partyledger.api.organization.RemoveOfficer;
import vn.partyledger.api.organization.ReparentOrganization;
import vn.partyledger.api.organization.RollView;
import vn.partyledger.api.organization.SetRegularMeetingDay;
import vn.partyledger.api.organization.VisitQuota;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.ops.web.AuthorityDto;
import vn.partyledger.ops.web.Commands;
import vn.partyledger.ops.web.Created;
import vn.partyledger.ops.web.Reads;
import vn.partyledger.ops.web.UnknownResourceException;

/** The organisation tree: establish, reshape and staff organisations; read them as of any date. */
@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organizations", description = "Provinces, communes, grassroots organisations, cells and party groups")
class OrganizationController {

    private static final String PATH = "/api/v1/organizations";

    private final Commands commands;
    private final QueryGateway queries;
    private final OrganizationDirectory directory;

    OrganizationController(Commands commands, QueryGateway queries, OrganizationDirectory directory) {
        this.commands = commands;
        this.queries = queries;
        this.directory = directory;
    }

    record EstablishRequest(@NotNull OrganizationLevel level, CellType cellType, String parentId,
                            @NotBlank @Size(max = 200) String name, Boolean grassroots,
                            @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping
    @Operation(summary = "Establish an organisation (province, commune, grassroots organisation, cell, party group)")
    ResponseEntity<Created> establish(@Valid @RequestBody EstablishRequest r) {
        String id = UUID.randomUUID().toString();
        commands.send(new EstablishOrganization(id, r.level(), r.cellType(), r.parentId(), r.name(), r.grassroots(),
                r.occurredOn()), r.authority());
        return Created.at(PATH, id);
    }

    record ReparentRequest(@NotBlank String newParentId, @NotNull @PastOrPresent LocalDate occurredOn,
                           @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/reparenting")
    @Operation(summary = "Attach the organisation to a new parent from a date on (history kept)")
    ResponseEntity<Created> reparent(@PathVariable String id, @Valid @RequestBody ReparentRequest r) {
        known(id);
        commands.send(new ReparentOrganization(id, r.newParentId(), r.occurredOn()), r.authority());
        return Created.accepted(PATH, id);
    }

    record MergerRequest(@NotBlank String survivorId, @NotNull @PastOrPresent LocalDate occurredOn,
                         @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/merger")
    @Operation(summary = "Merge the organisation into a survivor; it ends, its history stays readable")
    ResponseEntity<Created> merge(@PathVariable String id, @Valid @RequestBody MergerRequest r) {
        known(id);
        commands.send(new MergeOrganization(id, r.survivorId(), r.occurredOn()), r.authority());
        return Created.accepted(PATH, id);
    }

    record DissolutionRequest(@NotBlank @Size(max = 500) String reason, @NotNull @PastOrPresent LocalDate occurredOn,
                              @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/dissolution")
    @Operation(summary = "Dissolve the organisation; its history stays readable")
    ResponseEntity<Created> dissolve(@PathVariable String id, @Valid @RequestBody DissolutionRequest r) {
        known(id);
        commands.send(new DissolveOrganization(id, r.reason(), r.occurredOn()), r.authority());
        return Created.accepted(PATH, id);
    }

    record OfficerRequest(@NotBlank String memberId, @NotNull OfficerRole role, @NotNull LocalDate from, LocalDate to,
                          @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/officers")
    @Operation(summary = "Appoint or record the election of an officer (secretary, deputy, chi ủy member, group leader)")
    ResponseEntity<Created> assignOfficer(@PathVariable String id, @Valid @RequestBody OfficerRequest r) {
        known(id);
        commands.send(new AssignOfficer(id, r.memberId(), r.role(), r.from(), r.to(), r.occurredOn()),
                r.authority());
        return Created.accepted(PATH, id);
    }

    record OfficerRemovalRequest(@NotBlank String memberId, @NotNull OfficerRole role,
                                 @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/officer-removals")
    @Operation(summary = "End an officer's post on a date")
    ResponseEntity<Created> removeOfficer(@PathVariable String id, @Valid @RequestBody OfficerRemovalRequest r) {
        known(id);
        commands.send(new RemoveOfficer(id, r.memberId(), r.role(), r.occurredOn()), r.authority());
        return Created.accepted(PATH, id);
    }

    record MeetingDayRequest(@NotNull @Min(1) @Max(31) Integer dayOfMonth, @Min(1) @Max(31) Integer committeePrepDay,
                             @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/meeting-day")
    @Operation(summary = "Fix the cell's regular meeting day of the month (and the chi ủy preparation day)")
    ResponseEntity<Created> meetingDay(@PathVariable String id, @Valid @RequestBody MeetingDayRequest r) {
        known(id);
        commands.send(new SetRegularMeetingDay(id, r.dayOfMonth(), r.committeePrepDay(), r.occurredOn()),
                r.authority());
        return Created.accepted(PATH, id);
    }

    record LiaisonRequest(@NotBlank String liaisonMemberId, @NotBlank String superiorOrganizationId,
                          @NotNull @Positive Integer visits, @NotNull VisitQuota.Period per,
                          @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/liaisons")
    @Operation(summary = "Assign a superior committee member to follow the cell, with a visit quota")
    ResponseEntity<Created> assignLiaison(@PathVariable String id, @Valid @RequestBody LiaisonRequest r) {
        known(id);
        commands.send(new AssignLiaison(id, r.liaisonMemberId(), r.superiorOrganizationId(),
                new VisitQuota(r.visits(), r.per()), r.occurredOn()), r.authority());
        return Created.accepted(PATH, id);
    }

    record LiaisonEndRequest(@NotBlank String liaisonMemberId, @NotNull @PastOrPresent LocalDate occurredOn,
                             @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/liaison-endings")
    @Operation(summary = "End a liaison assignment")
    ResponseEntity<Created> endLiaison(@PathVariable String id, @Valid @RequestBody LiaisonEndRequest r) {
        known(id);
        commands.send(new EndLiaison(id, r.liaisonMemberId(), r.occurredOn()), r.authority());
        return Created.accepted(PATH, id);
    }

    @GetMapping
    @Operation(summary = "The whole tree (every province) as of a date, as known at an instant; needs a ledger-wide grant")
    ResponseEntity<OrganizationTree> forest(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @PastOrPresent Instant knownAt) {
        OrganizationTree tree = queries.query(new FindOrganizationTree(null, asOf, knownAt),
                ResponseTypes.instanceOf(OrganizationTree.class)).join();
        return Reads.ok(tree, tree.provenance());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organisation with officers, liaisons and roll counts as of a date, as known at an instant")
    ResponseEntity<OrganizationView> get(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @PastOrPresent Instant knownAt) {
        known(id);
        OrganizationView view = queries.query(new FindOrganization(id, asOf, knownAt),
                ResponseTypes.instanceOf(OrganizationView.class)).join();
        return Reads.ok(view, view.provenance());
    }

    @GetMapping("/{id}/tree")
    @Operation(summary = "The subtree under the organisation as of a date, as known at an instant, with own and subtree "
            + "counts by status")
    ResponseEntity<OrganizationTree> tree(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @PastOrPresent Instant knownAt) {
        known(id);
        OrganizationTree tree = queries.query(new FindOrganizationTree(id, asOf, knownAt),
                ResponseTypes.instanceOf(OrganizationTree.class)).join();
        return Reads.ok(tree, tree.provenance());
    }

    @GetMapping("/{id}/roll")
    @Operation(summary = "The member roll and counts by status (official, probationary, exempt, suspended, temporary transfers) as of a date, as known at an instant")
    ResponseEntity<RollView> roll(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @PastOrPresent Instant knownAt,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        known(id);
        RollView roll = queries.query(new FindRoll(id, asOf, page, size, knownAt),
                ResponseTypes.instanceOf(RollView.class)).join();
        return Reads.ok(roll, roll.provenance());
    }

    @GetMapping("/{id}/candidates")
    @Operation(summary = "The organisation's current candidates (registered, not yet admitted), by name")
    ResponseEntity<CandidateList> candidates(@PathVariable String id) {
        known(id);
        CandidateList candidates = queries.query(new FindCandidates(id),
                ResponseTypes.instanceOf(CandidateList.class)).join();
        return Reads.ok(candidates, candidates.provenance());
    }

    private void known(String id) {
        if (directory.find(id).isEmpty()) {
            throw new UnknownResourceException("no organisation " + id);
        }
    }
}
