package vn.partyledger.command.member;

import vn.partyledger.command.Refusals;

import static vn.partyledger.command.member.MemberFixture.CELL;
import static vn.partyledger.command.member.MemberFixture.ID;
import static vn.partyledger.command.member.MemberFixture.append;
import static vn.partyledger.command.member.MemberFixture.certified;
import static vn.partyledger.command.member.MemberFixture.official;
import static vn.partyledger.command.member.MemberFixture.registered;
import static vn.partyledger.command.Refusals.brokenRule;
import static vn.partyledger.command.Refusals.invalidInput;
import static vn.partyledger.command.Refusals.wrongState;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.EndFullExemption;
import vn.partyledger.api.member.EndTemporaryExemption;
import vn.partyledger.api.member.ExemptionGround;
import vn.partyledger.api.member.FullExemptionEnded;
import vn.partyledger.api.member.FullExemptionGranted;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.GrantFullExemption;
import vn.partyledger.api.member.GrantTemporaryExemption;
import vn.partyledger.api.member.TemporaryExemptionEnded;
import vn.partyledger.api.member.TemporaryExemptionGranted;

class MemberExemptionTest {

    private static final LocalDate RESOLVED_ON = LocalDate.of(2025, 10, 1);

    private final FixtureConfiguration<Member> fixture = MemberFixture.aggregate();

    @Test
    void canExemptMemberUnderTreatmentForIllness() {
        fixture.given(official(ID))
                .when(fullExemption(ExemptionGround.ILLNESS))
                .expectEvents(new FullExemptionGranted(ID, CELL, ExemptionGround.ILLNESS, "NQ 09-NQ/CB", RESOLVED_ON));
    }

    @Test
    void canExemptProbationaryMember() {
        fixture.given(MemberFixture.admitted(ID))
                .when(fullExemption(ExemptionGround.ILLNESS))
                .expectEvents(new FullExemptionGranted(ID, CELL, ExemptionGround.ILLNESS, "NQ 09-NQ/CB", RESOLVED_ON));
    }

    @Test
    void canExemptWomanAsElderlyAfterFiftyFive() {
        fixture.given(officialBorn(RESOLVED_ON.minusYears(55).minusMonths(1), Gender.FEMALE))
                .when(fullExemption(ExemptionGround.ELDERLY))
                .expectEvents(new FullExemptionGranted(ID, CELL, ExemptionGround.ELDERLY, "NQ 09-NQ/CB", RESOLVED_ON));
    }

    @Test
    void cannotExemptWomanAsElderlyOnHerFiftyFifthBirthday() {
        fixture.given(officialBorn(RESOLVED_ON.minusYears(55), Gender.FEMALE))
                .when(fullExemption(ExemptionGround.ELDERLY))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P10", "ground"));
    }

    @Test
    void cannotExemptManAsElderlyAtFiftyEight() {
        fixture.given(officialBorn(RESOLVED_ON.minusYears(58).minusMonths(1), Gender.MALE))
                .when(fullExemption(ExemptionGround.ELDERLY))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P10", "ground"));
    }

    @Test
    void canExemptManAsElderlyAfterSixty() {
        fixture.given(officialBorn(RESOLVED_ON.minusYears(60).minusMonths(1), Gender.MALE))
                .when(fullExemption(ExemptionGround.ELDERLY))
                .expectEvents(new FullExemptionGranted(ID, CELL, ExemptionGround.ELDERLY, "NQ 09-NQ/CB", RESOLVED_ON));
    }

    @Test
    void cannotExemptMemberTwice() {
        fixture.given(append(official(ID),
                        new FullExemptionGranted(ID, CELL, ExemptionGround.ILLNESS, "NQ 09-NQ/CB", RESOLVED_ON)))
                .when(fullExemption(ExemptionGround.ILLNESS))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void cannotExemptCandidate() {
        fixture.given(certified(ID))
                .when(fullExemption(ExemptionGround.ILLNESS))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void cannotExemptWithoutGround() {
        fixture.given(official(ID))
                .when(fullExemption(null))
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("ground"));
    }

    @Test
    void exemptMemberCanReturnToWorkAndMeetings() {
        fixture.given(append(official(ID),
                        new FullExemptionGranted(ID, CELL, ExemptionGround.ILLNESS, "NQ 09-NQ/CB", RESOLVED_ON)))
                .when(new EndFullExemption(ID, RESOLVED_ON.plusMonths(5)))
                .expectEvents(new FullExemptionEnded(ID, CELL, RESOLVED_ON.plusMonths(5)));
    }

    @Test
    void cannotEndFullExemptionOfMemberNotExempt() {
        fixture.given(official(ID))
                .when(new EndFullExemption(ID, RESOLVED_ON))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void canTemporarilyExemptForJustUnderAYear() {
        LocalDate until = RESOLVED_ON.plusMonths(12).minusDays(1);
        fixture.given(official(ID))
                .when(temporaryExemption(until))
                .expectEvents(new TemporaryExemptionGranted(ID, CELL, "working in Hàn Quốc", "QĐ 31-QĐ/ĐU", RESOLVED_ON,
                        until));
    }

    @Test
    void cannotTemporarilyExemptForAYear() {
        fixture.given(official(ID))
                .when(temporaryExemption(RESOLVED_ON.plusMonths(12)))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P11", "until"));
    }

    @Test
    void cannotTemporarilyExemptUntilTheDayOfTheDecision() {
        fixture.given(official(ID))
                .when(temporaryExemption(RESOLVED_ON))
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P11", "until"));
    }

    @Test
    void cannotTemporarilyExemptTwice() {
        fixture.given(append(official(ID), new TemporaryExemptionGranted(ID, CELL, "working in Hàn Quốc",
                        "QĐ 31-QĐ/ĐU", RESOLVED_ON, RESOLVED_ON.plusMonths(6))))
                .when(temporaryExemption(RESOLVED_ON.plusMonths(8)))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    @Test
    void canEndTemporaryExemption() {
        fixture.given(append(official(ID), new TemporaryExemptionGranted(ID, CELL, "working in Hàn Quốc",
                        "QĐ 31-QĐ/ĐU", RESOLVED_ON, RESOLVED_ON.plusMonths(6))))
                .when(new EndTemporaryExemption(ID, RESOLVED_ON.plusMonths(4)))
                .expectEvents(new TemporaryExemptionEnded(ID, CELL, RESOLVED_ON.plusMonths(4)));
    }

    @Test
    void cannotEndTemporaryExemptionOfMemberNotExempt() {
        fixture.given(official(ID))
                .when(new EndTemporaryExemption(ID, RESOLVED_ON))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    private static List<Object> officialBorn(LocalDate born, Gender gender) {
        return official(registered(ID, born, gender, EducationLevel.UPPER_SECONDARY));
    }

    private static GrantFullExemption fullExemption(ExemptionGround ground) {
        return new GrantFullExemption(ID, ground, "NQ 09-NQ/CB", RESOLVED_ON);
    }

    private static GrantTemporaryExemption temporaryExemption(LocalDate until) {
        return new GrantTemporaryExemption(ID, "working in Hàn Quốc", "QĐ 31-QĐ/ĐU", until, RESOLVED_ON);
    }
}
