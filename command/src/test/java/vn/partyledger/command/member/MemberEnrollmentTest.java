package vn.partyledger.command.member;

import vn.partyledger.command.Refusals;

import static vn.partyledger.command.member.MemberFixture.CELL;
import static vn.partyledger.command.member.MemberFixture.DISSOLVED_CELL;
import static vn.partyledger.command.member.MemberFixture.ID;
import static vn.partyledger.command.Refusals.invalidInput;
import static vn.partyledger.command.Refusals.noRuleInForce;
import static vn.partyledger.command.Refusals.wrongState;

import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.member.CellVote;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.EnrollExistingMember;
import vn.partyledger.api.member.ExistingMemberEnrolled;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.MembershipMadeOfficial;
import vn.partyledger.api.member.RecognizeOfficial;

class MemberEnrollmentTest {

    private static final LocalDate BORN = LocalDate.of(1960, 2, 1);
    private static final LocalDate ADMITTED = LocalDate.of(1985, 3, 1);
    private static final LocalDate CEREMONY = LocalDate.of(1985, 3, 10);
    private static final LocalDate OFFICIAL = LocalDate.of(1986, 3, 10);
    private static final LocalDate ENROLLED = LocalDate.of(2020, 1, 2);

    private final FixtureConfiguration<Member> fixture = MemberFixture.aggregate();

    private static EnrollExistingMember enrollment(String cell, LocalDate officialOn) {
        return new EnrollExistingMember(ID, cell, "Lò Văn Xuân", BORN, Gender.MALE, "Thái", EducationLevel.PRIMARY,
                ADMITTED, CEREMONY, officialOn, "01-234567", "sổ đảng viên 2019", ENROLLED);
    }

    @Test
    void canEnrollOfficialMemberFromThePaperRollWithoutJudgingTheOldAdmissionAgain() {
        // PRIMARY education and no introducers: the 1985 admission is history, not a decision to re-judge.
        fixture.givenNoPriorActivity()
                .when(enrollment(CELL, OFFICIAL))
                .expectEvents(new ExistingMemberEnrolled(ID, CELL, "Lò Văn Xuân", BORN, Gender.MALE, "Thái",
                        EducationLevel.PRIMARY, ADMITTED, CEREMONY, OFFICIAL, null, "01-234567", "sổ đảng viên 2019",
                        ENROLLED));
    }

    @Test
    void enrolledProbationaryMemberIsRecognizedAtTheEndOfTwelveMonths() {
        LocalDate ceremony = LocalDate.of(2019, 5, 1);
        EnrollExistingMember probationary = new EnrollExistingMember(ID, CELL, "Lò Thị Ánh", LocalDate.of(1995, 1, 1),
                Gender.FEMALE, "Thái", EducationLevel.UPPER_SECONDARY, ceremony, ceremony, null, null, "sổ", ENROLLED);
        CellVote vote = new CellVote(12, 17, LocalDate.of(2020, 5, 5));
        fixture.given(new ExistingMemberEnrolled(ID, CELL, "Lò Thị Ánh", LocalDate.of(1995, 1, 1), Gender.FEMALE, "Thái",
                        EducationLevel.UPPER_SECONDARY, ceremony, ceremony, null, LocalDate.of(2020, 5, 1), null, "sổ",
                        ENROLLED))
                .when(new RecognizeOfficial(ID, "12-QĐ/ĐU", LocalDate.of(2020, 5, 6), vote))
                .expectEvents(new MembershipMadeOfficial(ID, CELL, LocalDate.of(2020, 5, 1), "12-QĐ/ĐU",
                        LocalDate.of(2020, 5, 6), vote, false));
        fixture.givenNoPriorActivity().when(probationary).expectSuccessfulHandlerExecution();
    }

    @Test
    void aProbationaryMemberAdmittedBeforeAnyVersionOfP5NeedsTheOfficialDateFromThePaperRoll() {
        // No probation rule this ledger holds was in force in 1985: the end of probation is not computed under a
        // later one; the official date from the paper roll is asked for instead.
        fixture.givenNoPriorActivity()
                .when(enrollment(CELL, null))
                .expectNoEvents()
                .expectExceptionDetails(noRuleInForce("P5", "officialOn"));
    }

    @Test
    void cannotEnrollIntoDissolvedCell() {
        fixture.givenNoPriorActivity()
                .when(enrollment(DISSOLVED_CELL, OFFICIAL))
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("organizationId"));
    }

    @Test
    void cannotEnrollWithOfficialDateBeforeTheCeremony() {
        fixture.givenNoPriorActivity()
                .when(enrollment(CELL, CEREMONY.minusDays(1)))
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("officialOn"));
    }

    @Test
    void cannotEnrollAnAdmissionThatHasNotHappenedYet() {
        EnrollExistingMember early = new EnrollExistingMember(ID, CELL, "Lò Văn Xuân", BORN, Gender.MALE, "Thái",
                EducationLevel.PRIMARY, ENROLLED.plusDays(1), ENROLLED.plusDays(1), null, null, "sổ", ENROLLED);
        fixture.givenNoPriorActivity()
                .when(early)
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("occurredOn"));
    }

    @Test
    void cannotRecognizeAnEnrolledOfficialMemberAgain() {
        fixture.given(new ExistingMemberEnrolled(ID, CELL, "Lò Văn Xuân", BORN, Gender.MALE, "Thái",
                        EducationLevel.PRIMARY, ADMITTED, CEREMONY, OFFICIAL, null, null, "sổ", ENROLLED))
                .when(new RecognizeOfficial(ID, "1", ENROLLED, new CellVote(3, 3, ENROLLED)))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }
}
