package vn.partyledger.command.commitment;

import vn.partyledger.command.Refusals;
import static vn.partyledger.api.rules.Refusal.Kind.CONFLICT;
import static vn.partyledger.api.rules.Refusal.Kind.INVALID_INPUT;
import static vn.partyledger.api.rules.Refusal.Kind.RULE;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.commitment.CommitmentBreachNoted;
import vn.partyledger.api.commitment.CommitmentReviewed;
import vn.partyledger.api.commitment.CommitmentSections;
import vn.partyledger.api.commitment.CommitmentSelfAssessed;
import vn.partyledger.api.commitment.CommitmentSubmitted;
import vn.partyledger.api.commitment.NoteCommitmentBreach;
import vn.partyledger.api.commitment.ReviewCommitment;
import vn.partyledger.api.commitment.SelfAssessCommitment;
import vn.partyledger.api.commitment.SubmitCommitment;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;

class CommitmentTest {

    static final String MEMBER = "member-lo-thi-c";
    static final String CANDIDATE = "member-candidate";
    static final String CELL = "cell-na-tong-1";
    static final String ID = SubmitCommitment.idOf(MEMBER, 2020);
    static final LocalDate ON = LocalDate.of(2020, 1, 20);
    static final CommitmentSections SECTIONS = new CommitmentSections("study the resolutions",
            "live modestly, no superstition", "lead household group 2", "attend every meeting, pay fees on time",
            "speak up at meetings (shortcoming of 2019)", "help 3 households escape poverty");

    private final FixtureConfiguration<Commitment> fixture = new AggregateTestFixture<>(Commitment.class);

    CommitmentTest() {
        Map<String, MemberEntry> members = Map.of(
                MEMBER, new MemberEntry(MEMBER, CELL, MemberStatus.OFFICIAL, LocalDate.of(2001, 5, 1)),
                CANDIDATE, new MemberEntry(CANDIDATE, CELL, MemberStatus.CANDIDATE, null));
        fixture.registerInjectableResource((MemberDirectory) id -> Optional.ofNullable(members.get(id)));
    }

    static CommitmentSubmitted submitted() {
        return new CommitmentSubmitted(ID, CELL, MEMBER, 2020, SECTIONS, ON);
    }

    @Test
    void memberSubmitsTheYearsPledgeToTheirCell() {
        fixture.givenNoPriorActivity()
                .when(new SubmitCommitment(ID, MEMBER, 2020, SECTIONS, ON))
                .expectEvents(submitted());
    }

    @Test
    void refusesASecondCommitmentForTheSameYearNamingTheYear() {
        fixture.given(submitted())
                .when(new SubmitCommitment(ID, MEMBER, 2020, SECTIONS, ON.plusDays(3)))
                .expectNoEvents()
                .expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.refusal(CONFLICT, null, "year"));
    }

    @Test
    void refusesAPledgeMissingASection() {
        CommitmentSections missing = new CommitmentSections("a", "b", "c", "d", null, "f");
        fixture.givenNoPriorActivity()
                .when(new SubmitCommitment(ID, MEMBER, 2020, missing, ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "sections.remedyingShortcomings"));
    }

    @Test
    void refusesAPledgeOfACandidate() {
        fixture.givenNoPriorActivity()
                .when(new SubmitCommitment(SubmitCommitment.idOf(CANDIDATE, 2020), CANDIDATE, 2020, SECTIONS, ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, null, null));
    }

    @Test
    void refusesAPledgeForAnImplausibleYear() {
        fixture.givenNoPriorActivity()
                .when(new SubmitCommitment(SubmitCommitment.idOf(MEMBER, 2017), MEMBER, 2017, SECTIONS, ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "year"));
    }

    @Test
    void cellReviewsOnceAndMemberSelfAssessesOnceAtYearEnd() {
        fixture.given(submitted())
                .when(new ReviewCommitment(ID, "add a target for the fee collection", ON.plusDays(5)))
                .expectEvents(new CommitmentReviewed(ID, CELL, MEMBER, 2020, "add a target for the fee collection",
                        ON.plusDays(5)));
        fixture.given(submitted(), new CommitmentReviewed(ID, CELL, MEMBER, 2020, null, ON.plusDays(5)))
                .when(new ReviewCommitment(ID, null, ON.plusDays(6)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, null, null));
        LocalDate yearEnd = LocalDate.of(2020, 12, 10);
        fixture.given(submitted())
                .when(new SelfAssessCommitment(ID, true, "kept every point", yearEnd))
                .expectEvents(new CommitmentSelfAssessed(ID, CELL, MEMBER, 2020, true, "kept every point", yearEnd));
        fixture.given(submitted(), new CommitmentSelfAssessed(ID, CELL, MEMBER, 2020, true, "kept", yearEnd))
                .when(new SelfAssessCommitment(ID, false, "again", yearEnd.plusDays(1)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, null, null));
    }

    @Test
    void breachIsNotedWithTheMeetingThatRemindedTheMember() {
        LocalDate meetingDay = LocalDate.of(2020, 5, 24);
        fixture.given(submitted())
                .when(new NoteCommitmentBreach(ID, "meeting-2020-05", "missed two meetings", meetingDay))
                .expectEvents(new CommitmentBreachNoted(ID, CELL, MEMBER, 2020, "meeting-2020-05", "missed two meetings",
                        meetingDay));
        fixture.given(submitted())
                .when(new NoteCommitmentBreach(ID, null, "x", ON.minusDays(1)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "occurredOn"));
    }
}
