package vn.partyledger.command.organization;

import static vn.partyledger.command.organization.OrganizationFixture.AFTER_TWO_TIER;
import static vn.partyledger.command.organization.OrganizationFixture.CELL_ID;
import static vn.partyledger.command.organization.OrganizationFixture.cellEstablished;
import static vn.partyledger.command.organization.OrganizationFixture.fixture;
import static vn.partyledger.command.organization.OrganizationFixture.legacyTree;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.partyledger.api.organization.RegularMeetingDaySet;
import vn.partyledger.api.organization.SetRegularMeetingDay;
import vn.partyledger.api.rules.LedgerRefusalException;

class RegularMeetingDayTest {

    private final FixtureConfiguration<Organization> fixture = fixture(legacyTree());

    @Test
    void canSetMeetingDayWithCommitteePrepDay() {
        fixture.given(cellEstablished())
                .when(new SetRegularMeetingDay(CELL_ID, 24, 22, AFTER_TWO_TIER))
                .expectEvents(new RegularMeetingDaySet(CELL_ID, 24, 22, AFTER_TWO_TIER));
    }

    @Test
    void canSetMeetingDayWithoutCommitteePrepDay() {
        fixture.given(cellEstablished())
                .when(new SetRegularMeetingDay(CELL_ID, 25, null, AFTER_TWO_TIER))
                .expectEvents(new RegularMeetingDaySet(CELL_ID, 25, null, AFTER_TWO_TIER));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 32, -1})
    void cannotSetMeetingDayOutsideTheMonth(int day) {
        fixture.given(cellEstablished())
                .when(new SetRegularMeetingDay(CELL_ID, day, null, AFTER_TWO_TIER))
                .expectNoEvents().expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.invalid("dayOfMonth"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 24, 26, 32})
    void cannotSetCommitteePrepDayOutsideTheMonthOrNotBeforeMeetingDay(int prepDay) {
        fixture.given(cellEstablished())
                .when(new SetRegularMeetingDay(CELL_ID, 24, prepDay, AFTER_TWO_TIER))
                .expectNoEvents().expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.invalid("committeePrepDay"));
    }

    @Test
    void cannotSetMeetingDayWithoutOccurredOn() {
        fixture.given(cellEstablished())
                .when(new SetRegularMeetingDay(CELL_ID, 24, 22, null))
                .expectNoEvents().expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.invalid("occurredOn"));
    }
}
