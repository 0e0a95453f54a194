package vn.partyledger.command.commitment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.partyledger.api.commitment.CommitmentBreachNoted;
import vn.partyledger.api.commitment.CommitmentReviewed;
import vn.partyledger.api.commitment.CommitmentSections;
import vn.partyledger.api.commitment.CommitmentCorrected;
import vn.partyledger.api.commitment.CorrectCommitment;
import vn.partyledger.api.commitment.CommitmentSelfAssessed;
import vn.partyledger.api.commitment.CommitmentSubmitted;
import vn.partyledger.api.commitment.NoteCommitmentBreach;
import vn.partyledger.api.commitment.ReviewCommitment;
import vn.partyledger.api.commitment.SelfAssessCommitment;
import vn.partyledger.api.commitment.SubmitCommitment;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.Refusal;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;

/**
 * A member's pledge for one year (§2.5). The stream id is member + year, so a second submission for the same year
 * finds the existing stream and is refused as a duplicate instead of creating a second pledge.
 */
@Aggregate
class Commitment {

    /** A pledge is made at the start of its year, or at the end of the year before; nothing else is plausible. */
    private static final int YEARS_OF_SLACK = 1;

    @AggregateIdentifier
    private String commitmentId;
    private String organizationId;
    private String memberId;
    private int year;
    private LocalDate submittedOn;
    private boolean reviewed;
    private boolean selfAssessed;

    Commitment() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SubmitCommitment c, MemberDirectory members) {
        if (commitmentId != null) {
            throw new LedgerRefusalException(new Refusal(Refusal.Kind.CONFLICT, "year",
                    "member " + memberId + " already submitted a commitment for " + year + " on " + submittedOn, null,
                    null));
        }
        requiredText(c.memberId(), "memberId");
        LocalDate on = required(c.occurredOn(), "occurredOn");
        if (Math.abs(c.year() - on.getYear()) > YEARS_OF_SLACK) {
            throw LedgerRefusalException.invalid("year", "a commitment submitted on " + on + " cannot be for " + c.year());
        }
        if (!SubmitCommitment.idOf(c.memberId(), c.year()).equals(c.commitmentId())) {
            throw LedgerRefusalException.invalid("commitmentId", "one commitment per member and year");
        }
        CommitmentSections s = required(c.sections(), "sections");
        section(s, CommitmentSections::politicalIdeology, "politicalIdeology");
        section(s, CommitmentSections::ethicsAndLifestyle, "ethicsAndLifestyle");
        section(s, CommitmentSections::assignedDuties, "assignedDuties");
        section(s, CommitmentSections::organizationalDiscipline, "organizationalDiscipline");
        section(s, CommitmentSections::remedyingShortcomings, "remedyingShortcomings");
        section(s, CommitmentSections::congressResolutionPlan, "congressResolutionPlan");
        MemberEntry member = members.find(c.memberId()).orElseThrow(() ->
                LedgerRefusalException.notFound("memberId", "no member " + c.memberId()));
        if (!member.status().isOnRoll()) {
            throw LedgerRefusalException.state("only probationary and official members pledge; member "
                    + c.memberId() + " is " + member.status());
        }
        apply(new CommitmentSubmitted(c.commitmentId(), member.organizationId(), c.memberId(), c.year(), s, on));
    }

    /** The corrected pledge is judged like the submitted one: all six sections (§2.5) are written. */
    @CommandHandler
    void handle(CorrectCommitment c) {
        requiredText(c.correctsEventId(), "correctsEventId");
        notBeforeSubmission(c.occurredOn());
        CommitmentSections s = required(c.sections(), "replacement.sections");
        section(s, CommitmentSections::politicalIdeology, "politicalIdeology");
        section(s, CommitmentSections::ethicsAndLifestyle, "ethicsAndLifestyle");
        section(s, CommitmentSections::assignedDuties, "assignedDuties");
        section(s, CommitmentSections::organizationalDiscipline, "organizationalDiscipline");
        section(s, CommitmentSections::remedyingShortcomings, "remedyingShortcomings");
        section(s, CommitmentSections::congressResolutionPlan, "congressResolutionPlan");
        apply(new CommitmentCorrected(commitmentId, organizationId, memberId, year, s, c.correctsEventId()));
    }

    @CommandHandler
    void handle(ReviewCommitment c) {
        LocalDate on = notBeforeSubmission(c.occurredOn());
        if (reviewed) {
            throw LedgerRefusalException.state("the cell already reviewed commitment " + commitmentId);
        }
        apply(new CommitmentReviewed(commitmentId, organizationId, memberId, year, c.remarks(), on));
    }

    @CommandHandler
    void handle(SelfAssessCommitment c) {
        requiredText(c.assessment(), "assessment");
        LocalDate on = notBeforeSubmission(c.occurredOn());
        if (selfAssessed) {
            throw LedgerRefusalException.state("member " + memberId + " already self-assessed the " + year
                    + " commitment");
        }
        apply(new CommitmentSelfAssessed(commitmentId, organizationId, memberId, year, c.fulfilled(), c.assessment(), on));
    }

    @CommandHandler
    void handle(NoteCommitmentBreach c) {
        requiredText(c.description(), "description");
        LocalDate on = notBeforeSubmission(c.occurredOn());
        apply(new CommitmentBreachNoted(commitmentId, organizationId, memberId, year, c.meetingId(), c.description(), on));
    }

    @EventSourcingHandler
    void on(CommitmentSubmitted e) {
        commitmentId = e.commitmentId();
        organizationId = e.organizationId();
        memberId = e.memberId();
        year = e.year();
        submittedOn = e.submittedOn();
    }

    @EventSourcingHandler
    void on(CommitmentReviewed e) {
        reviewed = true;
    }

    @EventSourcingHandler
    void on(CommitmentSelfAssessed e) {
        selfAssessed = true;
    }

    private LocalDate notBeforeSubmission(LocalDate on) {
        required(on, "occurredOn");
        if (on.isBefore(submittedOn)) {
            throw LedgerRefusalException.invalid("occurredOn", "the commitment was submitted on " + submittedOn);
        }
        return on;
    }

    private static void section(CommitmentSections s, Function<CommitmentSections, String> part, String name) {
        requiredText(part.apply(s), "sections." + name);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw LedgerRefusalException.invalid(field, "is required");
        }
        return value;
    }

    private static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw LedgerRefusalException.invalid(field, "is required");
        }
        return value;
    }
}
