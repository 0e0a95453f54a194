package vn.partyledger.command.member;

import vn.partyledger.command.Refusals;

import static vn.partyledger.command.member.MemberFixture.ADMISSION_VOTE;
import static vn.partyledger.command.member.MemberFixture.CEREMONY_ON;
import static vn.partyledger.command.member.MemberFixture.CELL;
import static vn.partyledger.command.member.MemberFixture.DECIDED_ON;
import static vn.partyledger.command.member.MemberFixture.ID;
import static vn.partyledger.command.member.MemberFixture.INTRODUCER_A;
import static vn.partyledger.command.member.MemberFixture.INTRODUCER_B;
import static vn.partyledger.command.member.MemberFixture.PROBATIONARY_MEMBER;
import static vn.partyledger.command.member.MemberFixture.PROBATION_ENDS_ON;
import static vn.partyledger.command.member.MemberFixture.RECENT_OFFICIAL;
import static vn.partyledger.command.member.MemberFixture.REGISTERED_ON;
import static vn.partyledger.command.member.MemberFixture.REVIEWED_ON;
import static vn.partyledger.command.member.MemberFixture.UNKNOWN_MEMBER;
import static vn.partyledger.command.member.MemberFixture.WORKED_WITH_SINCE;
import static vn.partyledger.command.member.MemberFixture.admission;
import static vn.partyledger.command.member.MemberFixture.certified;
import static vn.partyledger.command.member.MemberFixture.registered;
import static vn.partyledger.command.member.MemberFixture.twoIntroducers;
import static vn.partyledger.command.Refusals.brokenRule;
import static vn.partyledger.command.Refusals.invalidInput;
import static vn.partyledger.command.Refusals.wrongState;

import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.Introducer;
import vn.partyledger.api.member.MemberAdmitted;
import vn.partyledger.api.rules.LedgerRefusalException;

class MemberAdmissionTest {

    private final FixtureConfiguration<Member> fixture = MemberFixture.aggregate();

    @Test
    void canAdmitCandidateWithTwoOfficialIntroducers() {
        fixture.given(certified(ID))
                .when(admission(ID).build())
                .expectEvents(new MemberAdmitted(ID, CELL, "QĐ 45-QĐ/ĐU", "Đảng ủy xã Nà Tông", DECIDED_ON, CEREMONY_ON,
                        twoIntroducers(), ADMISSION_VOTE, PROBATION_ENDS_ON));
    }

    @Test
    void cannotAdmitWithoutAwarenessCourse() {
        fixture.given(registered(ID))
                .when(admission(ID).build())
                .expectNoEvents()
                .expectException(LedgerRefusalException.class)
                .expectExceptionDetails(brokenRule("ADM-COURSE", null));
    }

    @Test
    void cannotAdmitWithOneIntroducer() {
        fixture.given(certified(ID))
                .when(admission(ID).introducers(new Introducer(INTRODUCER_A, WORKED_WITH_SINCE)).build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P3", "introducers"));
    }

    @Test
    void cannotAdmitWithThreeIntroducers() {
        fixture.given(certified(ID))
                .when(admission(ID).introducers(new Introducer(INTRODUCER_A, WORKED_WITH_SINCE),
                        new Introducer(INTRODUCER_B, WORKED_WITH_SINCE), new Introducer(RECENT_OFFICIAL, WORKED_WITH_SINCE))
                        .build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P3", "introducers"));
    }

    @Test
    void cannotAdmitWithTheSameIntroducerTwice() {
        fixture.given(certified(ID))
                .when(admission(ID).introducers(new Introducer(INTRODUCER_A, WORKED_WITH_SINCE),
                        new Introducer(INTRODUCER_A, WORKED_WITH_SINCE)).build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P3", "introducers[1].memberId"));
    }

    @Test
    void cannotAdmitCandidateAsOwnIntroducer() {
        fixture.given(certified(ID))
                .when(admission(ID).introducers(new Introducer(INTRODUCER_A, WORKED_WITH_SINCE),
                        new Introducer(ID, WORKED_WITH_SINCE)).build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P3", "introducers[1].memberId"));
    }

    @Test
    void cannotAdmitWithProbationaryIntroducer() {
        fixture.given(certified(ID))
                .when(admission(ID).introducers(new Introducer(PROBATIONARY_MEMBER, WORKED_WITH_SINCE),
                        new Introducer(INTRODUCER_B, WORKED_WITH_SINCE)).build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P3", "introducers[0].memberId"));
    }

    @Test
    void cannotAdmitWithIntroducerWhoBecameOfficialAfterTheDecision() {
        fixture.given(certified(ID))
                .when(admission(ID).introducers(new Introducer(INTRODUCER_A, WORKED_WITH_SINCE),
                        new Introducer(RECENT_OFFICIAL, WORKED_WITH_SINCE)).build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P3", "introducers[1].memberId"));
    }

    @Test
    void cannotAdmitWithIntroducerUnknownToTheLedger() {
        fixture.given(certified(ID))
                .when(admission(ID).introducers(new Introducer(INTRODUCER_A, WORKED_WITH_SINCE),
                        new Introducer(UNKNOWN_MEMBER, WORKED_WITH_SINCE)).build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P3", "introducers[1].memberId"));
    }

    @Test
    void cannotAdmitWithIntroducerWhoWorkedWithCandidateUnderTwelveMonths() {
        fixture.given(certified(ID))
                .when(admission(ID).introducers(new Introducer(INTRODUCER_A, WORKED_WITH_SINCE),
                        new Introducer(INTRODUCER_B, LocalDate.of(2023, 6, 11))).build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P3", "introducers[1].workedWithSince"));
    }

    @Test
    void canAdmitWithIntroducerWhoWorkedWithCandidateExactlyTwelveMonths() {
        MemberFixture.Admission admission = admission(ID).introducers(new Introducer(INTRODUCER_A, WORKED_WITH_SINCE),
                new Introducer(INTRODUCER_B, LocalDate.of(2023, 6, 10)));
        fixture.given(certified(ID))
                .when(admission.build())
                .expectEvents(admission.admitted());
    }

    @Test
    void cannotAdmitWithIntroducerWithoutWorkedWithSince() {
        fixture.given(certified(ID))
                .when(admission(ID).introducers(new Introducer(INTRODUCER_A, WORKED_WITH_SINCE),
                        new Introducer(INTRODUCER_B, null)).build())
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("introducers[1].workedWithSince"));
    }

    @Test
    void cannotAdmitWhenLessThanTwoThirdsApprove() {
        // 3 × 11 = 33 < 2 × 17 = 34
        fixture.given(certified(ID))
                .when(admission(ID).vote(11, 17).build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P4", "cellVote"));
    }

    @Test
    void canAdmitWhenTwelveOfSeventeenApprove() {
        // 3 × 12 = 36 ≥ 2 × 17 = 34
        MemberFixture.Admission admission = admission(ID).vote(12, 17);
        fixture.given(certified(ID))
                .when(admission.build())
                .expectEvents(admission.admitted());
    }

    @Test
    void canAdmitWhenExactlyTwoThirdsApprove() {
        MemberFixture.Admission admission = admission(ID).vote(6, 9);
        MemberFixture.aggregateWithOfficials(9).given(certified(ID))
                .when(admission.build())
                .expectEvents(admission.admitted());
    }

    @Test
    void cannotAdmitWithAVoteThatMisstatesTheCellsOfficialMembers() {
        // 11 of 16 would be two thirds, but the cell had 17 official members on the day of the vote
        fixture.given(certified(ID))
                .when(admission(ID).vote(11, 16).build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P4", "cellVote.officialMembers"));
    }

    @Test
    void cannotAdmitWithMoreApprovalsThanOfficialMembers() {
        fixture.given(certified(ID))
                .when(admission(ID).vote(18, 17).build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P4", "cellVote"));
    }

    @Test
    void cannotAdmitByCellWithoutOfficialMembers() {
        fixture.given(certified(ID))
                .when(admission(ID).vote(0, 0).build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P4", "cellVote"));
    }

    @Test
    void cannotAdmitCandidateUnderEighteenAtCellReview() {
        fixture.given(certified(registered(ID, REVIEWED_ON.minusYears(18).plusDays(1), Gender.FEMALE,
                        EducationLevel.UPPER_SECONDARY)))
                .when(admission(ID).build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P1", "cellVote.heldOn"));
    }

    @Test
    void canAdmitCandidateTurningEighteenOnReviewDay() {
        MemberFixture.Admission admission = admission(ID);
        fixture.given(certified(registered(ID, REVIEWED_ON.minusYears(18), Gender.FEMALE,
                        EducationLevel.UPPER_SECONDARY)))
                .when(admission.build())
                .expectEvents(admission.admitted());
    }

    @Test
    void canAdmitCandidateInTheMonthAfterTurningSixty() {
        // 60 years and 30 days is still 60 in whole months
        MemberFixture.Admission admission = admission(ID);
        fixture.given(certified(registered(ID, REVIEWED_ON.minusYears(60).minusDays(30), Gender.MALE,
                        EducationLevel.UPPER_SECONDARY)))
                .when(admission.build())
                .expectEvents(admission.admitted());
    }

    @Test
    void cannotAdmitCandidateOverSixtyWithoutProvincialApproval() {
        fixture.given(certified(registered(ID, REVIEWED_ON.minusYears(60).minusMonths(1), Gender.MALE,
                        EducationLevel.UPPER_SECONDARY)))
                .when(admission(ID).build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P1", "ageException"));
    }

    @Test
    void canAdmitCandidateOverSixtyWithProvincialApproval() {
        MemberFixture.Admission admission = admission(ID).withProvincialAgeException();
        fixture.given(certified(registered(ID, REVIEWED_ON.minusYears(60).minusMonths(1), Gender.MALE,
                        EducationLevel.UPPER_SECONDARY)))
                .when(admission.build())
                .expectEvents(admission.admitted());
    }

    @Test
    void cannotAdmitCandidateWithPrimaryEducation() {
        fixture.given(certified(registered(ID, MemberFixture.BORN, Gender.MALE, EducationLevel.PRIMARY)))
                .when(admission(ID).build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P2", "educationLevel"));
    }

    @Test
    void canAdmitCandidateWithPrimaryEducationInMountainArea() {
        MemberFixture.Admission admission = admission(ID).inRelaxedArea();
        fixture.given(certified(registered(ID, MemberFixture.BORN, Gender.MALE, EducationLevel.PRIMARY)))
                .when(admission.build())
                .expectEvents(admission.admitted());
    }

    @Test
    void cannotAdmitCandidateWithoutSchoolingEvenInMountainArea() {
        fixture.given(certified(registered(ID, MemberFixture.BORN, Gender.MALE, EducationLevel.NONE)))
                .when(admission(ID).inRelaxedArea().build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P2", "educationLevel"));
    }

    @Test
    void cannotHoldCeremonyBeforeTheDecision() {
        fixture.given(certified(ID))
                .when(admission(ID).ceremonyOn(DECIDED_ON.minusDays(1)).build())
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("ceremonyDate"));
    }

    @Test
    void cannotDecideAdmissionBeforeRegistration() {
        fixture.given(certified(ID))
                .when(admission(ID).reviewedOn(REGISTERED_ON.minusDays(2)).decidedOn(REGISTERED_ON.minusDays(1)).build())
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("decisionDate"));
    }

    @Test
    void cannotDecideAdmissionBeforeTheCellVotes() {
        fixture.given(certified(ID))
                .when(admission(ID).reviewedOn(DECIDED_ON.plusDays(1)).build())
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("cellVote.heldOn"));
    }

    @Test
    void cannotAdmitWithoutDecisionNumber() {
        fixture.given(certified(ID))
                .when(admission(ID).decisionNo(" ").build())
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("decisionNo"));
    }

    @Test
    void cannotAdmitMemberTwice() {
        fixture.given(MemberFixture.admitted(ID))
                .when(admission(ID).build())
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }
}
