package vn.partyledger.command.development;

import vn.partyledger.command.Refusals;
import vn.partyledger.command.InMemoryOrganizationDirectory;

import static vn.partyledger.api.rules.Refusal.Kind.INVALID_INPUT;
import static vn.partyledger.api.rules.Refusal.Kind.NOT_FOUND;
import static vn.partyledger.api.rules.Refusal.Kind.RULE;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.development.AdmissionQuotaSet;
import vn.partyledger.api.development.SetAdmissionQuota;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.command.directory.OrganizationEntry;

class AdmissionQuotaTest {

    static final String COMMUNE = "commune-van-ho";
    static final String DISSOLVED = "commune-old";
    static final String ID = SetAdmissionQuota.idOf(COMMUNE, 2021);
    static final LocalDate ON = LocalDate.of(2021, 1, 12);

    private final FixtureConfiguration<AdmissionQuota> fixture = new AggregateTestFixture<>(AdmissionQuota.class);

    AdmissionQuotaTest() {
        fixture.registerInjectableResource(new InMemoryOrganizationDirectory()
                .with(new OrganizationEntry(COMMUNE, OrganizationLevel.COMMUNE, null, "district", true, true))
                .with(new OrganizationEntry(DISSOLVED, OrganizationLevel.COMMUNE, null, "district", true, false)));
    }

    @Test
    void superiorSetsAndRevisesTheYearsQuota() {
        fixture.givenNoPriorActivity()
                .when(new SetAdmissionQuota(ID, COMMUNE, 2021, 180, ON))
                .expectEvents(new AdmissionQuotaSet(ID, COMMUNE, 2021, 180, ON));
        fixture.given(new AdmissionQuotaSet(ID, COMMUNE, 2021, 180, ON))
                .when(new SetAdmissionQuota(ID, COMMUNE, 2021, 190, ON.plusMonths(6)))
                .expectEvents(new AdmissionQuotaSet(ID, COMMUNE, 2021, 190, ON.plusMonths(6)));
        fixture.given(new AdmissionQuotaSet(ID, COMMUNE, 2021, 180, ON))
                .when(new SetAdmissionQuota(ID, COMMUNE, 2021, 180, ON.plusDays(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAQuotaForADissolvedOrganisation() {
        fixture.givenNoPriorActivity()
                .when(new SetAdmissionQuota(SetAdmissionQuota.idOf(DISSOLVED, 2021), DISSOLVED, 2021, 10, ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, null, "organizationId"));
    }

    @Test
    void refusesAQuotaForAnUnknownOrganisation() {
        fixture.givenNoPriorActivity()
                .when(new SetAdmissionQuota(SetAdmissionQuota.idOf("nowhere", 2021), "nowhere", 2021, 10, ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(NOT_FOUND, null, "organizationId"));
    }

    @Test
    void refusesANegativeQuotaOrAMismatchedId() {
        fixture.givenNoPriorActivity()
                .when(new SetAdmissionQuota(ID, COMMUNE, 2021, -1, ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "quota"));
        fixture.givenNoPriorActivity()
                .when(new SetAdmissionQuota(ID, COMMUNE, 2022, 5, ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "organizationId"));
    }
}
