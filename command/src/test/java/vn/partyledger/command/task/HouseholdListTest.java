package vn.partyledger.command.task;

import vn.partyledger.command.Refusals;
import vn.partyledger.command.InMemoryOrganizationDirectory;

import static vn.partyledger.api.rules.Refusal.Kind.INVALID_INPUT;
import static vn.partyledger.api.rules.Refusal.Kind.RULE;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.task.Household;
import vn.partyledger.api.task.HouseholdsRegistered;
import vn.partyledger.api.task.RegisterHouseholds;
import vn.partyledger.command.directory.OrganizationEntry;

class HouseholdListTest {

    static final String CELL = "cell-sao-do-2";
    static final String COMMUNE = "commune-van-ho";
    static final String LIST = RegisterHouseholds.listIdOf(CELL);
    static final LocalDate ON = LocalDate.of(2023, 1, 5);

    private final FixtureConfiguration<HouseholdList> fixture = new AggregateTestFixture<>(HouseholdList.class);

    HouseholdListTest() {
        fixture.registerInjectableResource(new InMemoryOrganizationDirectory()
                .with(new OrganizationEntry(CELL, OrganizationLevel.CELL, CellType.VILLAGE, COMMUNE, false, true))
                .with(new OrganizationEntry(COMMUNE, OrganizationLevel.COMMUNE, null, null, true, true)));
    }

    @Test
    void registersHouseholdsOnTheCellsListAndAddsMoreLater() {
        List<Household> first = List.of(new Household("h-1", "Lò Văn Tâm"), new Household("h-2", "Vì Thị Hoa"));
        fixture.givenNoPriorActivity()
                .when(new RegisterHouseholds(LIST, CELL, first, ON))
                .expectEvents(new HouseholdsRegistered(LIST, CELL, first, ON));
        List<Household> more = List.of(new Household("h-3", "Cầm Văn Sơn"));
        fixture.given(new HouseholdsRegistered(LIST, CELL, first, ON))
                .when(new RegisterHouseholds(LIST, CELL, more, ON.plusDays(1)))
                .expectEvents(new HouseholdsRegistered(LIST, CELL, more, ON.plusDays(1)));
    }

    @Test
    void refusesAHouseholdAlreadyOnTheList() {
        List<Household> first = List.of(new Household("h-1", "Lò Văn Tâm"));
        fixture.given(new HouseholdsRegistered(LIST, CELL, first, ON))
                .when(new RegisterHouseholds(LIST, CELL, List.of(new Household("h-2", "x"), new Household("h-1", "y")),
                        ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "households[1].householdId"));
    }

    @Test
    void refusesHouseholdsOfAnOrganisationThatIsNotACell() {
        fixture.givenNoPriorActivity()
                .when(new RegisterHouseholds(RegisterHouseholds.listIdOf(COMMUNE), COMMUNE,
                        List.of(new Household("h-1", "x")), ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, null, "organizationId"));
    }
}
