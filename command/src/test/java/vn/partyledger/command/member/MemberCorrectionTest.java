package vn.partyledger.command.member;

import static vn.partyledger.command.Refusals.invalidInput;
import static vn.partyledger.command.member.MemberFixture.BORN;
import static vn.partyledger.command.member.MemberFixture.CELL;
import static vn.partyledger.command.member.MemberFixture.ID;
import static vn.partyledger.command.member.MemberFixture.REGISTERED_ON;
import static vn.partyledger.command.member.MemberFixture.registered;

import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.member.CorrectMemberData;
import vn.partyledger.api.member.MemberDataCorrected;
import vn.partyledger.api.rules.LedgerRefusalException;

class MemberCorrectionTest {

    private static final LocalDate DECIDED = LocalDate.of(2025, 6, 24);
    private final FixtureConfiguration<Member> fixture = MemberFixture.aggregate();

    @Test
    void aWrongBirthDateIsCorrectedNamingTheEventItCorrects() {
        fixture.given(registered(ID))
                .when(new CorrectMemberData(ID, "event-1", null, BORN.plusDays(10), DECIDED))
                .expectEvents(new MemberDataCorrected(ID, CELL, null, BORN.plusDays(10), "event-1"));
    }

    @Test
    void aCorrectedBirthDateIsJudgedLikeTheRecordedOne() {
        fixture.given(registered(ID))
                .when(new CorrectMemberData(ID, "event-1", null, REGISTERED_ON, DECIDED))
                .expectException(LedgerRefusalException.class)
                .expectExceptionDetails(invalidInput("replacement.birthDate"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionWithNothingToCorrectIsRefused() {
        fixture.given(registered(ID))
                .when(new CorrectMemberData(ID, "event-1", null, null, DECIDED))
                .expectExceptionDetails(invalidInput("replacement"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionNamesTheEventItCorrects() {
        fixture.given(registered(ID))
                .when(new CorrectMemberData(ID, " ", "Lò Văn Pánh", null, DECIDED))
                .expectExceptionDetails(invalidInput("correctsEventId"))
                .expectNoEvents();
    }
}
