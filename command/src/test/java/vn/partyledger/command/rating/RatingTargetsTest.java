package vn.partyledger.command.rating;

import vn.partyledger.command.Refusals;
import static vn.partyledger.api.rules.Refusal.Kind.INVALID_INPUT;
import static vn.partyledger.api.rules.Refusal.Kind.NOT_FOUND;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.rating.CongressTarget;
import vn.partyledger.api.rating.CongressTarget.Comparison;
import vn.partyledger.api.rating.CongressTargetsSet;
import vn.partyledger.api.rating.SetCongressTargets;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingSubject;

class RatingTargetsTest {

    static final String COMMUNE = "commune-na-tong";
    static final String TERM = "2020-2025";
    static final String ID = SetCongressTargets.idOf(COMMUNE, TERM);
    static final LocalDate ON = LocalDate.of(2020, 8, 15);
    static final CongressTarget CELLS = new CongressTarget("≥ 85% cells GOOD+", RatingSubject.CELL, RatingLevel.GOOD,
            true, Comparison.AT_LEAST, 85);
    static final CongressTarget MEMBERS = new CongressTarget("> 90% members GOOD+", RatingSubject.MEMBER,
            RatingLevel.GOOD, true, Comparison.MORE_THAN, 90);

    private final FixtureConfiguration<RatingTargets> fixture = new AggregateTestFixture<>(RatingTargets.class);

    RatingTargetsTest() {
        fixture.registerInjectableResource(new FakeRatingDirectories()
                .organization(COMMUNE, OrganizationLevel.COMMUNE, null, true));
    }

    @Test
    void theCongressTargetsOfATermAreEnteredAndRevised() {
        fixture.givenNoPriorActivity()
                .when(new SetCongressTargets(ID, COMMUNE, TERM, List.of(CELLS, MEMBERS), ON))
                .expectEvents(new CongressTargetsSet(ID, COMMUNE, TERM, List.of(CELLS, MEMBERS), ON));
        fixture.given(new CongressTargetsSet(ID, COMMUNE, TERM, List.of(CELLS), ON))
                .when(new SetCongressTargets(ID, COMMUNE, TERM, List.of(CELLS), ON.plusDays(3)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aTargetOutsideZeroToOneHundredIsNamed() {
        CongressTarget wrong = new CongressTarget("x", RatingSubject.CELL, RatingLevel.GOOD, true,
                Comparison.AT_LEAST, 101);
        fixture.givenNoPriorActivity()
                .when(new SetCongressTargets(ID, COMMUNE, TERM, List.of(CELLS, wrong), ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "targets[1].percent"));
    }

    @Test
    void aTermIsFirstYearToLastYear() {
        String backwards = SetCongressTargets.idOf(COMMUNE, "2025-2020");
        fixture.givenNoPriorActivity()
                .when(new SetCongressTargets(backwards, COMMUNE, "2025-2020", List.of(CELLS), ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "term"));
    }

    @Test
    void anUnknownOrganisationHasNoTargets() {
        String id = SetCongressTargets.idOf("nowhere", TERM);
        fixture.givenNoPriorActivity()
                .when(new SetCongressTargets(id, "nowhere", TERM, List.of(CELLS), ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(NOT_FOUND, null, "organizationId"));
    }
}
