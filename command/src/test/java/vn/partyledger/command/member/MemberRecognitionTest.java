package vn.partyledger.command.member;

import vn.partyledger.command.Refusals;

import static vn.partyledger.command.member.MemberFixture.CELL;
import static vn.partyledger.command.member.MemberFixture.ID;
import static vn.partyledger.command.member.MemberFixture.PROBATION_ENDS_ON;
import static vn.partyledger.command.member.MemberFixture.RECOGNIZED_ON;
import static vn.partyledger.command.member.MemberFixture.admitted;
import static vn.partyledger.command.member.MemberFixture.append;
import static vn.partyledger.command.member.MemberFixture.certified;
import static vn.partyledger.command.member.MemberFixture.official;
import static vn.partyledger.command.member.MemberFixture.recognition;
import static vn.partyledger.command.Refusals.brokenRule;
import static vn.partyledger.command.Refusals.invalidInput;
import static vn.partyledger.command.Refusals.wrongState;

import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.member.CellVote;
import vn.partyledger.api.member.MembershipMadeOfficial;
import vn.partyledger.api.member.ProbationaryRemoved;
import vn.partyledger.api.member.RecognizeOfficial;
import vn.partyledger.api.member.RemoveFromProbation;
import vn.partyledger.api.member.SuspendActivity;

class MemberRecognitionTest {

    /** Probation ends Friday 20/6/2025; Friday 1/8/2025 is the 30th working day after it. */
    private static final LocalDate LAST_TIMELY_DAY = LocalDate.of(2025, 8, 1);

    private final FixtureConfiguration<Member> fixture = MemberFixture.aggregate();

    @Test
    void canRecognizeOfficialOnTheDayProbationEnds() {
        CellVote vote = new CellVote(16, 17, PROBATION_ENDS_ON);
        fixture.given(admitted(ID))
                .when(recognition(ID, PROBATION_ENDS_ON, vote))
                .expectEvents(new MembershipMadeOfficial(ID, CELL, PROBATION_ENDS_ON, "QĐ 88-QĐ/ĐU", PROBATION_ENDS_ON,
                        vote, false));
    }

    @Test
    void cannotRecognizeBeforeTwelveMonths() {
        fixture.given(admitted(ID))
                .when(recognition(ID, PROBATION_ENDS_ON.minusDays(1)))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P5", "decisionDate"));
    }

    @Test
    void recognitionOnTheThirtiethWorkingDayIsTimely() {
        CellVote vote = new CellVote(16, 17, LAST_TIMELY_DAY);
        fixture.given(admitted(ID))
                .when(recognition(ID, LAST_TIMELY_DAY, vote))
                .expectEvents(new MembershipMadeOfficial(ID, CELL, PROBATION_ENDS_ON, "QĐ 88-QĐ/ĐU", LAST_TIMELY_DAY,
                        vote, false));
    }

    @Test
    void recognitionIsEffectiveAtProbationEndEvenWhenLate() {
        LocalDate monday = LAST_TIMELY_DAY.plusDays(3);
        CellVote vote = new CellVote(16, 17, monday);
        fixture.given(admitted(ID))
                .when(recognition(ID, monday, vote))
                .expectEvents(new MembershipMadeOfficial(ID, CELL, PROBATION_ENDS_ON, "QĐ 88-QĐ/ĐU", monday, vote, true));
    }

    @Test
    void cannotRecognizeWhenLessThanTwoThirdsApprove() {
        fixture.given(admitted(ID))
                .when(recognition(ID, RECOGNIZED_ON, new CellVote(11, 17, RECOGNIZED_ON)))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P4", "cellVote"));
    }

    @Test
    void cannotRecognizeWithoutCellVote() {
        fixture.given(admitted(ID))
                .when(new RecognizeOfficial(ID, "QĐ 88-QĐ/ĐU", RECOGNIZED_ON, null))
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("cellVote"));
    }

    @Test
    void cannotRecognizeCandidate() {
        fixture.given(certified(ID))
                .when(recognition(ID, RECOGNIZED_ON))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void cannotRecognizeOfficialMemberAgain() {
        fixture.given(official(ID))
                .when(recognition(ID, RECOGNIZED_ON.plusDays(1)))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void canRemoveProbationaryMemberWhoDidNotQualify() {
        fixture.given(admitted(ID))
                .when(new RemoveFromProbation(ID, "QĐ 90-QĐ/ĐU", "did not meet the standards", RECOGNIZED_ON))
                .expectEvents(new ProbationaryRemoved(ID, CELL, "QĐ 90-QĐ/ĐU", "did not meet the standards",
                        RECOGNIZED_ON));
    }

    @Test
    void cannotRemoveOfficialMemberFromProbationaryRoll() {
        fixture.given(official(ID))
                .when(new RemoveFromProbation(ID, "QĐ 90-QĐ/ĐU", "did not meet the standards", RECOGNIZED_ON))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void removedProbationaryMemberCannotBeRecognized() {
        fixture.given(append(admitted(ID),
                        new ProbationaryRemoved(ID, CELL, "QĐ 90-QĐ/ĐU", "did not meet the standards", RECOGNIZED_ON)))
                .when(recognition(ID, RECOGNIZED_ON))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void removedProbationaryMemberCannotBeSuspended() {
        fixture.given(append(admitted(ID),
                        new ProbationaryRemoved(ID, CELL, "QĐ 90-QĐ/ĐU", "did not meet the standards", RECOGNIZED_ON)))
                .when(new SuspendActivity(ID, "under investigation", "QĐ 91-QĐ/ĐU", RECOGNIZED_ON))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }
}
