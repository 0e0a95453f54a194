package vn.partyledger.command.organization;

import static vn.partyledger.api.organization.OrganizationLevel.CELL;
import static vn.partyledger.api.organization.OrganizationLevel.COMMUNE;
import static vn.partyledger.api.organization.OrganizationLevel.PARTY_GROUP;
import static vn.partyledger.api.organization.OrganizationLevel.PROVINCE;
import static vn.partyledger.command.organization.OrganizationFixture.AFTER_TWO_TIER;
import static vn.partyledger.command.organization.OrganizationFixture.CELL_ID;
import static vn.partyledger.command.organization.OrganizationFixture.CHARTER_ERA;
import static vn.partyledger.command.organization.OrganizationFixture.COMMUNE_ID;
import static vn.partyledger.command.organization.OrganizationFixture.DISTRICT_ID;
import static vn.partyledger.command.organization.OrganizationFixture.PROVINCE_ID;
import static vn.partyledger.command.organization.OrganizationFixture.TWO_TIER;
import static vn.partyledger.command.organization.OrganizationFixture.cellEstablished;
import static vn.partyledger.command.organization.OrganizationFixture.communeEstablished;
import static vn.partyledger.command.organization.OrganizationFixture.established;
import static vn.partyledger.command.organization.OrganizationFixture.fixture;
import static vn.partyledger.command.organization.OrganizationFixture.legacyTree;

import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.organization.OrganizationReparented;
import vn.partyledger.api.organization.ReparentOrganization;
import vn.partyledger.api.rules.LedgerRefusalException;

class ReparentOrganizationTest {

    private static final String GROUP_ID = "na-tong-ban-1-to-1";

    private final FakeDirectory directory = legacyTree().organization(GROUP_ID, PARTY_GROUP, CELL_ID);
    private final FixtureConfiguration<Organization> fixture = fixture(directory);

    private void expectCommuneRefusal(ReparentOrganization command, Matcher<?> refusal) {
        fixture.given(communeEstablished()).when(command)
                .expectNoEvents().expectException(LedgerRefusalException.class).expectExceptionDetails(refusal);
    }

    @Test
    void canReparentCommuneFromDistrictToProvinceWhenDistrictsEnd() {
        fixture.given(communeEstablished())
                .when(new ReparentOrganization(COMMUNE_ID, PROVINCE_ID, TWO_TIER))
                .expectEvents(new OrganizationReparented(COMMUNE_ID, DISTRICT_ID, PROVINCE_ID, TWO_TIER));
    }

    @Test
    void canMoveCellToAnotherCommune() {
        directory.organization("muong-luan", COMMUNE, PROVINCE_ID);
        fixture.given(cellEstablished())
                .when(new ReparentOrganization(CELL_ID, "muong-luan", AFTER_TWO_TIER))
                .expectEvents(new OrganizationReparented(CELL_ID, COMMUNE_ID, "muong-luan", AFTER_TWO_TIER));
    }

    @Test
    void cannotReparentUnderOwnDescendant() {
        expectCommuneRefusal(new ReparentOrganization(COMMUNE_ID, GROUP_ID, AFTER_TWO_TIER),
                Refusals.rule("O6", "newParentId"));
    }

    @Test
    void cannotReparentUnderItself() {
        expectCommuneRefusal(new ReparentOrganization(COMMUNE_ID, COMMUNE_ID, AFTER_TWO_TIER),
                Refusals.rule("O6", "newParentId"));
    }

    @Test
    void cannotReparentUnderCurrentParent() {
        expectCommuneRefusal(new ReparentOrganization(COMMUNE_ID, DISTRICT_ID, CHARTER_ERA.plusDays(1)),
                Refusals.rule("O6", "newParentId"));
    }

    @Test
    void cannotReparentUnderUnknownOrganization() {
        expectCommuneRefusal(new ReparentOrganization(COMMUNE_ID, "nowhere", AFTER_TWO_TIER),
                Refusals.notFound("newParentId"));
    }

    @Test
    void cannotReparentUnderEndedOrganization() {
        directory.organization("lai-chau", PROVINCE, null).ended("lai-chau");
        expectCommuneRefusal(new ReparentOrganization(COMMUNE_ID, "lai-chau", AFTER_TWO_TIER),
                Refusals.rule("O6", "newParentId"));
    }

    @Test
    void cannotReparentCommuneUnderCellOfAnotherCommune() {
        directory.organization("muong-luan", COMMUNE, PROVINCE_ID).organization("muong-luan-ban-1", CELL, "muong-luan");
        expectCommuneRefusal(new ReparentOrganization(COMMUNE_ID, "muong-luan-ban-1", AFTER_TWO_TIER),
                Refusals.rule("O7", "newParentId"));
    }

    @Test
    void cannotReparentUnderDistrictAfterJuly2025() {
        fixture.given(cellEstablished())
                .when(new ReparentOrganization(CELL_ID, DISTRICT_ID, AFTER_TWO_TIER))
                .expectNoEvents().expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.rule("O7", "newParentId", "NQ 60-NQ/TW"));
    }

    @Test
    void canReparentUnderDistrictBeforeJuly2025() {
        fixture.given(cellEstablished())
                .when(new ReparentOrganization(CELL_ID, DISTRICT_ID, CHARTER_ERA.plusYears(1)))
                .expectEvents(new OrganizationReparented(CELL_ID, COMMUNE_ID, DISTRICT_ID, CHARTER_ERA.plusYears(1)));
    }

    @Test
    void cannotReparentProvince() {
        directory.organization("lai-chau", PROVINCE, null);
        fixture.given(established(PROVINCE_ID, PROVINCE, null, CHARTER_ERA))
                .when(new ReparentOrganization(PROVINCE_ID, "lai-chau", AFTER_TWO_TIER))
                .expectNoEvents().expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.rule("O7", "newParentId"));
    }

    @Test
    void cannotReparentBeforeCurrentParentStarted() {
        LocalDate moved = LocalDate.of(2025, 7, 1);
        directory.organization("muong-luan", COMMUNE, PROVINCE_ID);
        fixture.given(cellEstablished(), new OrganizationReparented(CELL_ID, COMMUNE_ID, "muong-luan", moved))
                .when(new ReparentOrganization(CELL_ID, COMMUNE_ID, moved.minusDays(1)))
                .expectNoEvents().expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.rule("O6", "occurredOn"));
    }

    @Test
    void cannotReparentBeforeEstablishment() {
        expectCommuneRefusal(new ReparentOrganization(COMMUNE_ID, PROVINCE_ID, CHARTER_ERA.minusDays(1)),
                Refusals.invalid("occurredOn"));
    }

    @Test
    void cannotReparentWithoutNewParent() {
        expectCommuneRefusal(new ReparentOrganization(COMMUNE_ID, " ", AFTER_TWO_TIER),
                Refusals.invalid("newParentId"));
    }
}
