package vn.partyledger.command.member;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.partyledger.api.member.ActivitySuspended;
import vn.partyledger.api.member.AdmitMember;
import vn.partyledger.api.member.AwarenessCourseCompleted;
import vn.partyledger.api.member.CandidateRegistered;
import vn.partyledger.api.member.CorrectMemberData;
import vn.partyledger.api.member.MemberDataCorrected;
import vn.partyledger.api.member.CellVote;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.EndFullExemption;
import vn.partyledger.api.member.EndTemporaryExemption;
import vn.partyledger.api.member.EndTemporaryTransfer;
import vn.partyledger.api.member.EnrollExistingMember;
import vn.partyledger.api.member.ExistingMemberEnrolled;
import vn.partyledger.api.member.ExemptionGround;
import vn.partyledger.api.member.FullExemptionEnded;
import vn.partyledger.api.member.FullExemptionGranted;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.GrantFullExemption;
import vn.partyledger.api.member.GrantTemporaryExemption;
import vn.partyledger.api.member.IssueTransfer;
import vn.partyledger.api.member.MemberAdmitted;
import vn.partyledger.api.member.MemberDeceased;
import vn.partyledger.api.member.MemberReinstated;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.member.MembershipMadeOfficial;
import vn.partyledger.api.member.ProbationaryRemoved;
import vn.partyledger.api.member.ReceiveTransfer;
import vn.partyledger.api.member.RecognizeOfficial;
import vn.partyledger.api.member.RecordAwarenessCourse;
import vn.partyledger.api.member.RecordDeath;
import vn.partyledger.api.member.RegisterCandidate;
import vn.partyledger.api.member.ReinstateMember;
import vn.partyledger.api.member.RemoveFromProbation;
import vn.partyledger.api.member.RemoveFromRoll;
import vn.partyledger.api.member.RollRemoved;
import vn.partyledger.api.member.SuspendActivity;
import vn.partyledger.api.member.TemporaryExemptionEnded;
import vn.partyledger.api.member.TemporaryExemptionGranted;
import vn.partyledger.api.member.TemporaryTransferEnded;
import vn.partyledger.api.member.TransferIssued;
import vn.partyledger.api.member.TransferKind;
import vn.partyledger.api.member.TransferReceived;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.command.directory.MeetingRoll;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.command.directory.OrganizationEntry;

/**
 * One person from candidacy to the end of their record in this ledger. The home organisation is an attribute that a
 * received official transfer changes; every event belongs to the record of the organisation that keeps it.
 */
@Aggregate
class Member {

    @AggregateIdentifier
    private String memberId;
    private String organizationId;
    private MemberStatus status;
    private LocalDate registeredOn;
    private LocalDate birthDate;
    private Gender gender;
    private EducationLevel educationLevel;
    private boolean certified;
    private LocalDate probationEndsOn;
    private boolean fullyExempt;
    private boolean temporarilyExempt;
    private boolean suspended;
    private PendingTransfer pendingTransfer;
    private MemberStatus statusBeforeTransfer;
    private boolean temporarilyTransferred;
    private String hostOrganizationId;

    Member() {
    }

    @CommandHandler
    Member(RegisterCandidate c, OrganizationDirectory organizations) {
        requiredText(c.memberId(), "memberId");
        LocalDate on = required(c.occurredOn(), "occurredOn");
        requiredText(c.fullName(), "fullName");
        LocalDate born = required(c.birthDate(), "birthDate");
        required(c.gender(), "gender");
        required(c.educationLevel(), "educationLevel");
        if (!born.isBefore(on)) {
            throw LedgerRefusalException.invalid("birthDate", "the birth date must be before the registration date");
        }
        requireAdmittingOrganization(organizations, requiredText(c.organizationId(), "organizationId"));
        apply(new CandidateRegistered(c.memberId(), c.organizationId(), c.fullName(), born, c.gender(), c.ethnicity(),
                c.educationLevel(), on));
    }

    /**
     * Members admitted before the organisation used the ledger (or arriving from outside it) are taken over from the
     * paper roll with their original dates; their admission is history, not a decision to judge again under P1–P4.
     */
    @CommandHandler
    Member(EnrollExistingMember c, OrganizationDirectory organizations, MembershipRules rules) {
        requiredText(c.memberId(), "memberId");
        LocalDate on = required(c.occurredOn(), "occurredOn");
        requiredText(c.fullName(), "fullName");
        LocalDate born = required(c.birthDate(), "birthDate");
        required(c.gender(), "gender");
        LocalDate admitted = required(c.admittedOn(), "admittedOn");
        LocalDate ceremony = required(c.ceremonyDate(), "ceremonyDate");
        requiredText(c.source(), "source");
        if (!born.isBefore(admitted)) {
            throw LedgerRefusalException.invalid("birthDate", "the birth date must be before the admission");
        }
        if (ceremony.isBefore(admitted)) {
            throw LedgerRefusalException.invalid("ceremonyDate", "the ceremony cannot precede the admission of " + admitted);
        }
        if (c.officialOn() != null && !c.officialOn().isAfter(ceremony)) {
            throw LedgerRefusalException.invalid("officialOn", "official recognition follows the probation after " + ceremony);
        }
        if (admitted.isAfter(on) || (c.officialOn() != null && c.officialOn().isAfter(on))) {
            throw LedgerRefusalException.invalid("occurredOn", "enrolment records an admission that already happened");
        }
        requireAdmittingOrganization(organizations, requiredText(c.organizationId(), "organizationId"));
        // Without the official date the probation's end is computed under the rules of the admission's date.
        LocalDate probationEnds = c.officialOn() == null
                ? rules.at(admitted, "P5", "officialOn").probation().endsOn(ceremony) : null;
        apply(new ExistingMemberEnrolled(c.memberId(), c.organizationId(), c.fullName(), born, c.gender(), c.ethnicity(),
                c.educationLevel(), admitted, ceremony, c.officialOn(), probationEnds, c.cardNumber(), c.source(), on));
    }

    /** A certificate recorded again (a retaken course) is kept as a new fact, not refused. */
    @CommandHandler
    void handle(RecordAwarenessCourse c) {
        requireOpen();
        requiredText(c.certificateNo(), "certificateNo");
        LocalDate on = required(c.occurredOn(), "occurredOn");
        requireStatus(MemberStatus.CANDIDATE, "record an awareness course");
        apply(new AwarenessCourseCompleted(memberId, organizationId, c.certificateNo(), on));
    }

    @CommandHandler
    void handle(AdmitMember c, MemberDirectory members, MembershipRules rules, MeetingRoll roll) {
        requireOpen();
        requireComplete(c);
        requireStatus(MemberStatus.CANDIDATE, "admit");
        requireAdmissionDates(c.decisionDate(), c.ceremonyDate());
        MembershipPolicy policy = rules.at(c.decisionDate(), "P1", "decisionDate");
        judgeAdmission(c, policy, members, officialsOn(roll, c.cellVote().heldOn()));
        apply(new MemberAdmitted(memberId, organizationId, c.decisionNo(), c.decisionIssuer(), c.decisionDate(),
                c.ceremonyDate(), c.introducers(), c.cellVote(), policy.probation().endsOn(c.ceremonyDate())));
    }

    @CommandHandler
    void handle(RecognizeOfficial c, MembershipRules rules, MeetingRoll roll) {
        requireOpen();
        LocalDate decided = required(c.decisionDate(), "decisionDate");
        requiredText(c.decisionNo(), "decisionNo");
        requireVote(c.cellVote(), decided);
        requireStatus(MemberStatus.PROBATIONARY, "recognise as official");
        MembershipPolicy policy = rules.at(decided, "P5", "decisionDate");
        policy.probation().checkDecision(probationEndsOn, decided);
        policy.cellApproval().check(c.cellVote(), "cellVote", officialsOn(roll, c.cellVote().heldOn()));
        // the member is official from the end of probation even when the cell decides late (P5)
        apply(new MembershipMadeOfficial(memberId, organizationId, probationEndsOn, c.decisionNo(), decided, c.cellVote(),
                policy.probation().reviewedLate(probationEndsOn, decided)));
    }

    @CommandHandler
    void handle(RemoveFromProbation c) {
        requireOpen();
        requiredText(c.decisionNo(), "decisionNo");
        requiredText(c.reason(), "reason");
        LocalDate on = required(c.occurredOn(), "occurredOn");
        requireStatus(MemberStatus.PROBATIONARY, "remove from the probationary roll");
        apply(new ProbationaryRemoved(memberId, organizationId, c.decisionNo(), c.reason(), on));
    }

    @CommandHandler
    void handle(IssueTransfer c, OrganizationDirectory organizations, MembershipRules rules) {
        requireOpen();
        requireComplete(c);
        requireTransferable();
        judgeTransfer(c, rules.at(c.occurredOn(), "P9", "occurredOn").transfers(), organizations);
        apply(new TransferIssued(memberId, organizationId, c.toOrganizationId(), c.destinationName(), c.kind(),
                c.referralNo(), c.until(), c.purpose(), c.occurredOn()));
    }

    @CommandHandler
    void handle(ReceiveTransfer c, MembershipRules rules) {
        requireOpen();
        requiredText(c.organizationId(), "organizationId");
        LocalDate on = required(c.occurredOn(), "occurredOn");
        if (pendingTransfer == null) {
            throw LedgerRefusalException.state("member " + memberId + " has no transfer awaiting receipt");
        }
        rules.at(on, "P9", "occurredOn").transfers().checkReceiver(c.organizationId(), pendingTransfer.toOrganizationId());
        if (on.isBefore(pendingTransfer.issuedOn())) {
            throw LedgerRefusalException.invalid("occurredOn", "the transfer was issued on " + pendingTransfer.issuedOn());
        }
        apply(new TransferReceived(memberId, c.organizationId(), organizationId, pendingTransfer.kind(), on));
    }

    @CommandHandler
    void handle(EndTemporaryTransfer c) {
        requireOpen();
        LocalDate on = required(c.occurredOn(), "occurredOn");
        if (!temporarilyTransferred) {
            throw LedgerRefusalException.state("member " + memberId + " is not temporarily transferred");
        }
        apply(new TemporaryTransferEnded(memberId, organizationId, hostOrganizationId, on));
    }

    @CommandHandler
    void handle(GrantFullExemption c, MembershipRules rules) {
        requireOpen();
        ExemptionGround ground = required(c.ground(), "ground");
        requiredText(c.resolutionNo(), "resolutionNo");
        LocalDate on = required(c.occurredOn(), "occurredOn");
        requireOnRoll("grant a full exemption");
        if (fullyExempt) {
            throw LedgerRefusalException.state("member " + memberId + " is already fully exempt");
        }
        if (ground == ExemptionGround.ELDERLY) {
            rules.at(on, "P10", "occurredOn").workingAge().checkElderly(birthDate, gender, on);
        }
        apply(new FullExemptionGranted(memberId, organizationId, ground, c.resolutionNo(), on));
    }

    @CommandHandler
    void handle(EndFullExemption c) {
        requireOpen();
        LocalDate on = required(c.occurredOn(), "occurredOn");
        if (!fullyExempt) {
            throw LedgerRefusalException.state("member " + memberId + " is not fully exempt");
        }
        apply(new FullExemptionEnded(memberId, organizationId, on));
    }

    @CommandHandler
    void handle(GrantTemporaryExemption c, MembershipRules rules) {
        requireOpen();
        requiredText(c.reason(), "reason");
        requiredText(c.decisionNo(), "decisionNo");
        LocalDate until = required(c.until(), "until");
        LocalDate on = required(c.occurredOn(), "occurredOn");
        requireOnRoll("grant a temporary exemption");
        if (temporarilyExempt) {
            throw LedgerRefusalException.state("member " + memberId + " is already temporarily exempt");
        }
        rules.at(on, "P11", "occurredOn").temporaryExemption().check(on, until);
        apply(new TemporaryExemptionGranted(memberId, organizationId, c.reason(), c.decisionNo(), on, until));
    }

    @CommandHandler
    void handle(EndTemporaryExemption c) {
        requireOpen();
        LocalDate on = required(c.occurredOn(), "occurredOn");
        if (!temporarilyExempt) {
            throw LedgerRefusalException.state("member " + memberId + " is not temporarily exempt");
        }
        apply(new TemporaryExemptionEnded(memberId, organizationId, on));
    }

    @CommandHandler
    void handle(SuspendActivity c) {
        requireOpen();
        requiredText(c.reason(), "reason");
        requiredText(c.decisionNo(), "decisionNo");
        LocalDate on = required(c.occurredOn(), "occurredOn");
        requireOnRoll("suspend");
        if (suspended) {
            throw LedgerRefusalException.state("member " + memberId + " is already suspended");
        }
        apply(new ActivitySuspended(memberId, organizationId, c.reason(), c.decisionNo(), on));
    }

    @CommandHandler
    void handle(ReinstateMember c) {
        requireOpen();
        requiredText(c.decisionNo(), "decisionNo");
        LocalDate on = required(c.occurredOn(), "occurredOn");
        if (!suspended) {
            throw LedgerRefusalException.state("member " + memberId + " is not suspended");
        }
        apply(new MemberReinstated(memberId, organizationId, c.decisionNo(), on));
    }

    @CommandHandler
    void handle(RemoveFromRoll c, MembershipRules rules) {
        requireOpen();
        LocalDate on = required(c.occurredOn(), "occurredOn");
        requireOnRoll("remove from the roll");
        rules.at(on, "P12", "occurredOn").rollRemoval().check(c.ground(), c.decisionNo(), c.decidedBy());
        apply(new RollRemoved(memberId, organizationId, c.ground(), c.decisionNo(), c.decidedBy(), on));
    }

    /**
     * A corrected birth date is judged like the recorded one: before the registration (or, for a member taken over
     * from the paper roll, the admission). Correcting a closed record is allowed: a dead member's dossier must be right.
     */
    @CommandHandler
    void handle(CorrectMemberData c) {
        requiredText(c.correctsEventId(), "correctsEventId");
        required(c.occurredOn(), "occurredOn");
        if (c.fullName() == null && c.birthDate() == null) {
            throw LedgerRefusalException.invalid("replacement", "name the corrected fullName or birthDate");
        }
        if (c.fullName() != null && c.fullName().isBlank()) {
            throw LedgerRefusalException.invalid("replacement.fullName", "a name is not blank");
        }
        if (c.birthDate() != null && !c.birthDate().isBefore(registeredOn)) {
            throw LedgerRefusalException.invalid("replacement.birthDate", "the birth date must be before "
                    + registeredOn + ", when the member was registered or admitted");
        }
        apply(new MemberDataCorrected(memberId, organizationId, c.fullName() == null ? null : c.fullName().strip(),
                c.birthDate(), c.correctsEventId()));
    }

    @EventSourcingHandler
    void on(MemberDataCorrected e) {
        if (e.birthDate() != null) {
            birthDate = e.birthDate();
        }
    }

    @CommandHandler
    void handle(RecordDeath c) {
        requireOpen();
        LocalDate on = required(c.occurredOn(), "occurredOn");
        apply(new MemberDeceased(memberId, organizationId, on));
    }

    @EventSourcingHandler
    void on(CandidateRegistered e) {
        memberId = e.memberId();
        organizationId = e.organizationId();
        status = MemberStatus.CANDIDATE;
        registeredOn = e.registeredOn();
        birthDate = e.birthDate();
        gender = e.gender();
        educationLevel = e.educationLevel();
    }

    @EventSourcingHandler
    void on(ExistingMemberEnrolled e) {
        memberId = e.memberId();
        organizationId = e.organizationId();
        status = e.officialOn() != null ? MemberStatus.OFFICIAL : MemberStatus.PROBATIONARY;
        registeredOn = e.admittedOn();
        birthDate = e.birthDate();
        gender = e.gender();
        educationLevel = e.educationLevel();
        probationEndsOn = e.probationEndsOn();
        certified = true;
    }

    @EventSourcingHandler
    void on(AwarenessCourseCompleted e) {
        certified = true;
    }

    @EventSourcingHandler
    void on(MemberAdmitted e) {
        status = MemberStatus.PROBATIONARY;
        probationEndsOn = e.probationEndsOn();
    }

    @EventSourcingHandler
    void on(MembershipMadeOfficial e) {
        status = MemberStatus.OFFICIAL;
    }

    @EventSourcingHandler
    void on(ProbationaryRemoved e) {
        status = MemberStatus.PROBATION_ENDED;
    }

    @EventSourcingHandler
    void on(TransferIssued e) {
        boolean official = e.kind() == TransferKind.OFFICIAL;
        if (e.toOrganizationId() == null && official) {
            status = MemberStatus.TRANSFERRED_OUT;
        } else if (e.toOrganizationId() == null) {
            // nobody in this ledger can receive it, so the member is away from the referral's date
            temporarilyTransferred = true;
        } else {
            pendingTransfer = new PendingTransfer(e.kind(), e.toOrganizationId(), e.issuedOn());
            if (official) {
                statusBeforeTransfer = status;
                status = MemberStatus.TRANSFER_PENDING;
            }
        }
    }

    @EventSourcingHandler
    void on(TransferReceived e) {
        if (e.kind() == TransferKind.OFFICIAL) {
            organizationId = e.organizationId();
            status = statusBeforeTransfer;
            statusBeforeTransfer = null;
        } else {
            temporarilyTransferred = true;
            hostOrganizationId = e.organizationId();
        }
        pendingTransfer = null;
    }

    @EventSourcingHandler
    void on(TemporaryTransferEnded e) {
        temporarilyTransferred = false;
        hostOrganizationId = null;
    }

    @EventSourcingHandler
    void on(FullExemptionGranted e) {
        fullyExempt = true;
    }

    @EventSourcingHandler
    void on(FullExemptionEnded e) {
        fullyExempt = false;
    }

    @EventSourcingHandler
    void on(TemporaryExemptionGranted e) {
        temporarilyExempt = true;
    }

    @EventSourcingHandler
    void on(TemporaryExemptionEnded e) {
        temporarilyExempt = false;
    }

    @EventSourcingHandler
    void on(ActivitySuspended e) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(MemberReinstated e) {
        suspended = false;
    }

    @EventSourcingHandler
    void on(RollRemoved e) {
        status = MemberStatus.ROLL_REMOVED;
    }

    @EventSourcingHandler
    void on(MemberDeceased e) {
        status = MemberStatus.DECEASED;
    }

    private static void requireComplete(AdmitMember c) {
        LocalDate decided = required(c.decisionDate(), "decisionDate");
        requiredText(c.decisionNo(), "decisionNo");
        requiredText(c.decisionIssuer(), "decisionIssuer");
        required(c.ceremonyDate(), "ceremonyDate");
        required(c.introducers(), "introducers");
        requireVote(c.cellVote(), decided);
        if (c.ageException() != null) {
            requiredText(c.ageException().docNo(), "ageException.docNo");
        }
    }

    private static void requireComplete(IssueTransfer c) {
        TransferKind kind = required(c.kind(), "kind");
        requiredText(c.referralNo(), "referralNo");
        required(c.occurredOn(), "occurredOn");
        if (kind == TransferKind.TEMPORARY) {
            required(c.until(), "until");
        }
        if (c.toOrganizationId() == null) {
            requiredText(c.destinationName(), "destinationName");
        }
    }

    private void judgeTransfer(IssueTransfer c, MembershipPolicy.Transfers policy, OrganizationDirectory organizations) {
        if (c.kind() == TransferKind.TEMPORARY) {
            policy.checkTemporaryPeriod(c.occurredOn(), c.until(), c.purpose());
        }
        if (c.toOrganizationId() != null) {
            policy.checkDestination(existing(organizations, c.toOrganizationId(), "toOrganizationId"), organizationId);
        }
    }

    private long officialsOn(MeetingRoll roll, LocalDate day) {
        return roll.on(organizationId, day).stream()
                .filter(m -> m.membership() == MemberStatus.OFFICIAL && !m.temporarilyTransferredIn())
                .count();
    }

    private void judgeAdmission(AdmitMember c, MembershipPolicy policy, MemberDirectory members, long officialOnRoll) {
        policy.awarenessCourse().check(certified);
        policy.admissionAge().check(birthDate, c.cellVote().heldOn(), c.ageException() != null);
        policy.education().check(educationLevel, c.educationRelaxedArea());
        policy.introducers().check(memberId, c.introducers(), c.decisionDate(), members);
        policy.cellApproval().check(c.cellVote(), "cellVote", officialOnRoll);
    }

    private void requireAdmissionDates(LocalDate decided, LocalDate ceremony) {
        if (decided.isBefore(registeredOn)) {
            throw LedgerRefusalException.invalid("decisionDate", "the candidate was registered on " + registeredOn);
        }
        if (ceremony.isBefore(decided)) {
            throw LedgerRefusalException.invalid("ceremonyDate", "the ceremony cannot precede the decision of " + decided);
        }
    }

    private static void requireVote(CellVote vote, LocalDate decided) {
        required(vote, "cellVote");
        LocalDate heldOn = required(vote.heldOn(), "cellVote.heldOn");
        if (heldOn.isAfter(decided)) {
            throw LedgerRefusalException.invalid("cellVote.heldOn", "the cell votes before the decision of " + decided);
        }
    }

    private static void requireAdmittingOrganization(OrganizationDirectory organizations, String id) {
        OrganizationEntry organization = existing(organizations, id, "organizationId");
        if (!organization.active()) {
            throw LedgerRefusalException.invalid("organizationId", id + " is no longer active");
        }
        if (organization.level() != OrganizationLevel.CELL && !organization.grassroots()) {
            throw LedgerRefusalException.invalid("organizationId", "candidates are kept by a cell or a grassroots organisation");
        }
    }

    private static OrganizationEntry existing(OrganizationDirectory organizations, String id, String field) {
        return organizations.find(id)
                .orElseThrow(() -> LedgerRefusalException.notFound(field, "no organisation " + id));
    }

    private void requireTransferable() {
        requireOnRoll("transfer");
        if (pendingTransfer != null) {
            throw LedgerRefusalException.state("a transfer of member " + memberId + " to "
                    + pendingTransfer.toOrganizationId() + " awaits receipt");
        }
        if (temporarilyTransferred) {
            throw LedgerRefusalException.state("member " + memberId + " must return from the temporary transfer first");
        }
    }

    private void requireOpen() {
        if (status.isTerminal()) {
            throw LedgerRefusalException.state("the record of member " + memberId + " is closed (" + status + ")");
        }
    }

    private void requireOnRoll(String action) {
        if (!status.isOnRoll()) {
            throw LedgerRefusalException.state("cannot " + action + " member " + memberId + " who is " + status);
        }
    }

    private void requireStatus(MemberStatus expected, String action) {
        if (status != expected) {
            throw LedgerRefusalException.state("cannot " + action + " member " + memberId + " who is " + status);
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw LedgerRefusalException.invalid(field, field + " is required");
        }
        return value;
    }

    private static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw LedgerRefusalException.invalid(field, field + " is required");
        }
        return value;
    }

    private record PendingTransfer(TransferKind kind, String toOrganizationId, LocalDate issuedOn) {
    }
}
