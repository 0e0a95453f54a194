package vn.partyledger.ops.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.api.member.AdmitMember;
import vn.partyledger.api.member.CellVote;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.EndFullExemption;
import vn.partyledger.api.member.EnrollExistingMember;
import vn.partyledger.api.member.EndTemporaryExemption;
import vn.partyledger.api.member.EndTemporaryTransfer;
import vn.partyledger.api.member.ExemptionGround;
import vn.partyledger.api.member.FindMember;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.GrantFullExemption;
import vn.partyledger.api.member.GrantTemporaryExemption;
import vn.partyledger.api.member.Introducer;
import vn.partyledger.api.member.IssueTransfer;
import vn.partyledger.api.member.MemberView;
import vn.partyledger.api.member.ReceiveTransfer;
import vn.partyledger.api.member.RecognizeOfficial;
import vn.partyledger.api.member.RecordAwarenessCourse;
import vn.partyledger.api.member.RecordDeath;
import vn.partyledger.api.member.RegisterCandidate;
import vn.partyledger.api.member.ReinstateMember;
import vn.partyledger.api.member.RemoveFromProbation;
import vn.partyledger.api.member.RemoveFromRoll;
import vn.partyledger.api.member.RollRemovalGround;
import vn.partyledger.api.member.SuspendActivity;
import vn.partyledger.api.member.TransferKind;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;
import vn.partyledger.ops.web.AuthorityDto;
import vn.partyledger.ops.web.Commands;
import vn.partyledger.ops.web.Created;
import vn.partyledger.ops.web.Reads;
import vn.partyledger.ops.web.UnknownResourceException;

/** The member roll: from candidate to official member, transfers, exemptions, suspension, removal and death. */
@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Members", description = "The member roll (đảng viên) and the candidate pipeline")
class MemberController {

    private static final String PATH = "/api/v1/members";

    private final Commands commands;
    private final QueryGateway queries;
    private final MemberDirectory members;

    MemberController(Commands commands, QueryGateway queries, MemberDirectory members) {
        this.commands = commands;
        this.queries = queries;
        this.members = members;
    }

    record CandidateRequest(@NotBlank String organizationId, @NotBlank @Size(max = 200) String fullName,
                            @NotNull @Past LocalDate birthDate, @NotNull Gender gender, @Size(max = 50) String ethnicity,
                            EducationLevel educationLevel, @NotNull @PastOrPresent LocalDate occurredOn,
                            @Valid AuthorityDto authority) {
    }

    @PostMapping
    @Operation(summary = "Register a candidate (quần chúng ưu tú) in an organisation")
    ResponseEntity<Created> register(@Valid @RequestBody CandidateRequest r) {
        String id = UUID.randomUUID().toString();
        commands.send(new RegisterCandidate(id, r.organizationId(), r.fullName(), r.birthDate(), r.gender(), r.ethnicity(),
                r.educationLevel(), r.occurredOn()), r.authority());
        return Created.at(PATH, id);
    }

    record EnrollmentRequest(@NotBlank String organizationId, @NotBlank @Size(max = 200) String fullName,
                             @NotNull @Past LocalDate birthDate, @NotNull Gender gender, @Size(max = 50) String ethnicity,
                             EducationLevel educationLevel, @NotNull @PastOrPresent LocalDate admittedOn,
                             @NotNull @PastOrPresent LocalDate ceremonyDate, @PastOrPresent LocalDate officialOn,
                             @Size(max = 50) String cardNumber, @NotBlank @Size(max = 200) String source,
                             @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/enrollments")
    @Operation(summary = "Put an already-admitted member on the ledger (taken over from the paper roll, or arriving from outside)")
    ResponseEntity<Created> enroll(@Valid @RequestBody EnrollmentRequest r) {
        String id = UUID.randomUUID().toString();
        commands.send(new EnrollExistingMember(id, r.organizationId(), r.fullName(), r.birthDate(), r.gender(),
                r.ethnicity(), r.educationLevel(), r.admittedOn(), r.ceremonyDate(), r.officialOn(), r.cardNumber(),
                r.source(), r.occurredOn()), r.authority());
        return Created.at(PATH, id);
    }

    record CourseRequest(@NotBlank @Size(max = 100) String certificateNo, @NotNull @PastOrPresent LocalDate occurredOn,
                         @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/awareness-course")
    @Operation(summary = "Record the candidate's awareness-course certificate")
    ResponseEntity<Created> course(@PathVariable String id, @Valid @RequestBody CourseRequest r) {
        commands.send(new RecordAwarenessCourse(id, r.certificateNo(), r.occurredOn()), r.authority());
        return Created.accepted(PATH, id);
    }

    record IntroducerDto(@NotBlank String memberId, @NotNull @PastOrPresent LocalDate workedWithSince) {
    }

    record VoteDto(@NotNull @Min(0) Integer approving, @NotNull @Min(1) Integer officialMembers,
                   @NotNull @PastOrPresent LocalDate heldOn) {
        CellVote toVote() {
            return new CellVote(approving, officialMembers, heldOn);
        }
    }

    record AdmissionRequest(@NotBlank @Size(max = 100) String decisionNo, @NotBlank @Size(max = 200) String decisionIssuer,
                            @NotNull @PastOrPresent LocalDate decisionDate, @NotNull @PastOrPresent LocalDate ceremonyDate,
                            @NotEmpty List<@Valid IntroducerDto> introducers, @NotNull @Valid VoteDto cellVote,
                            boolean educationRelaxedArea, @Valid AuthorityDto ageException,
                            @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/admission")
    @Operation(summary = "Record the admission decision (kết nạp): decision, ceremony, two introducers, the cell's 2/3 vote")
    ResponseEntity<Created> admit(@PathVariable String id, @Valid @RequestBody AdmissionRequest r) {
        List<Introducer> introducers = r.introducers().stream()
                .map(i -> new Introducer(i.memberId(), i.workedWithSince())).toList();
        commands.send(new AdmitMember(id, r.decisionNo(), r.decisionIssuer(), r.decisionDate(), r.ceremonyDate(),
                        introducers, r.cellVote().toVote(), r.educationRelaxedArea(),
                        AuthorityDto.toAuthority(r.ageException())),
                r.authority());
        return Created.accepted(PATH, id);
    }

    record RecognitionRequest(@NotBlank @Size(max = 100) String decisionNo, @NotNull @PastOrPresent LocalDate decisionDate,
                              @NotNull @Valid VoteDto cellVote, @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/recognition")
    @Operation(summary = "Recognise a probationary member as official (effective at the end of the 12 months)")
    ResponseEntity<Created> recognize(@PathVariable String id, @Valid @RequestBody RecognitionRequest r) {
        commands.send(new RecognizeOfficial(id, r.decisionNo(), r.decisionDate(), r.cellVote().toVote()),
                r.authority());
        return Created.accepted(PATH, id);
    }

    record ProbationRemovalRequest(@NotBlank String decisionNo, @NotBlank @Size(max = 500) String reason,
                                   @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/probation-removal")
    @Operation(summary = "Remove a probationary member who did not qualify from the roll")
    ResponseEntity<Created> removeFromProbation(@PathVariable String id, @Valid @RequestBody ProbationRemovalRequest r) {
        commands.send(new RemoveFromProbation(id, r.decisionNo(), r.reason(), r.occurredOn()),
                r.authority());
        return Created.accepted(PATH, id);
    }

    record TransferRequest(@NotNull TransferKind kind, String toOrganizationId, @Size(max = 200) String destinationName,
                           @NotBlank @Size(max = 100) String referralNo, LocalDate until, @Size(max = 50) String purpose,
                           @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/transfers")
    @Operation(summary = "Issue a transfer referral (official or temporary) from the member's organisation")
    ResponseEntity<Created> transfer(@PathVariable String id, @Valid @RequestBody TransferRequest r) {
        commands.send(new IssueTransfer(id, r.kind(), r.toOrganizationId(), r.destinationName(), r.referralNo(), r.until(),
                r.purpose(), r.occurredOn()), r.authority());
        return Created.accepted(PATH, id);
    }

    record ReceiptRequest(@NotBlank String organizationId, @NotNull @PastOrPresent LocalDate occurredOn,
                          @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/transfer-receipt")
    @Operation(summary = "The receiving organisation records the transferred member's arrival")
    ResponseEntity<Created> receive(@PathVariable String id, @Valid @RequestBody ReceiptRequest r) {
        known(id);
        commands.send(new ReceiveTransfer(id, r.organizationId(), r.occurredOn()), r.authority());
        return Created.accepted(PATH, id);
    }

    record DatedRequest(@NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/temporary-transfer-end")
    @Operation(summary = "The temporarily transferred member returns to the home organisation")
    ResponseEntity<Created> endTemporaryTransfer(@PathVariable String id, @Valid @RequestBody DatedRequest r) {
        commands.send(new EndTemporaryTransfer(id, r.occurredOn()), r.authority());
        return Created.accepted(PATH, id);
    }

    enum ExemptionKind { FULL, TEMPORARY }

    record ExemptionRequest(@NotNull ExemptionKind kind, ExemptionGround ground, @Size(max = 100) String resolutionNo,
                            @Size(max = 500) String reason, LocalDate until, @NotNull @PastOrPresent LocalDate occurredOn,
                            @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/exemptions")
    @Operation(summary = "Full exemption (elderly, ill) or temporary exemption (working far away, under 12 months)")
    ResponseEntity<Created> exempt(@PathVariable String id, @Valid @RequestBody ExemptionRequest r) {
        Object command = r.kind() == ExemptionKind.FULL
                ? new GrantFullExemption(id, r.ground(), r.resolutionNo(), r.occurredOn())
                : new GrantTemporaryExemption(id, r.reason(), r.resolutionNo(), r.until(), r.occurredOn());
        commands.send(command, r.authority());
        return Created.accepted(PATH, id);
    }

    record ExemptionEndRequest(@NotNull ExemptionKind kind, @NotNull @PastOrPresent LocalDate occurredOn,
                               @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/exemption-end")
    @Operation(summary = "End a full or temporary exemption")
    ResponseEntity<Created> endExemption(@PathVariable String id, @Valid @RequestBody ExemptionEndRequest r) {
        Object command = r.kind() == ExemptionKind.FULL
                ? new EndFullExemption(id, r.occurredOn())
                : new EndTemporaryExemption(id, r.occurredOn());
        commands.send(command, r.authority());
        return Created.accepted(PATH, id);
    }

    record SuspensionRequest(@NotBlank @Size(max = 500) String reason, @NotBlank @Size(max = 100) String decisionNo,
                             @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/suspensions")
    @Operation(summary = "Suspend the member's party activity pending discipline or prosecution")
    ResponseEntity<Created> suspend(@PathVariable String id, @Valid @RequestBody SuspensionRequest r) {
        commands.send(new SuspendActivity(id, r.reason(), r.decisionNo(), r.occurredOn()), r.authority());
        return Created.accepted(PATH, id);
    }

    record ReinstatementRequest(@NotBlank @Size(max = 100) String decisionNo, @NotNull @PastOrPresent LocalDate occurredOn,
                                @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/reinstatement")
    @Operation(summary = "Lift a suspension")
    ResponseEntity<Created> reinstate(@PathVariable String id, @Valid @RequestBody ReinstatementRequest r) {
        commands.send(new ReinstateMember(id, r.decisionNo(), r.occurredOn()), r.authority());
        return Created.accepted(PATH, id);
    }

    record RemovalRequest(@NotNull RollRemovalGround ground, @NotBlank @Size(max = 100) String decisionNo,
                          @NotBlank @Size(max = 200) String decidedBy, @NotNull @PastOrPresent LocalDate occurredOn,
                          @Valid AuthorityDto authority) {
    }

    @PostMapping("/{id}/removal")
    @Operation(summary = "Record the competent committee's decision to remove the member from the roll (xóa tên)")
    ResponseEntity<Created> remove(@PathVariable String id, @Valid @RequestBody RemovalRequest r) {
        commands.send(new RemoveFromRoll(id, r.ground(), r.decisionNo(), r.decidedBy(), r.occurredOn()),
                r.authority());
        return Created.accepted(PATH, id);
    }

    @PostMapping("/{id}/death")
    @Operation(summary = "Record the member's death")
    ResponseEntity<Created> death(@PathVariable String id, @Valid @RequestBody DatedRequest r) {
        commands.send(new RecordDeath(id, r.occurredOn()), r.authority());
        return Created.accepted(PATH, id);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The member's current record")
    ResponseEntity<MemberView> get(@PathVariable String id) {
        MemberView view = queries.query(new FindMember(id), ResponseTypes.instanceOf(MemberView.class)).join();
        return Reads.ok(view, view.provenance());
    }


    private MemberEntry known(String memberId) {
        return members.find(memberId).orElseThrow(() -> new UnknownResourceException("no member " + memberId));
    }
}
