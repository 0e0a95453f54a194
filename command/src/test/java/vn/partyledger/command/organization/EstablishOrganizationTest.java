package vn.partyledger.command.organization;

import static vn.partyledger.api.organization.OrganizationLevel.CELL;
import static vn.partyledger.api.organization.OrganizationLevel.COMMUNE;
import static vn.partyledger.api.organization.OrganizationLevel.DISTRICT;
import static vn.partyledger.api.organization.OrganizationLevel.GRASSROOTS;
import static vn.partyledger.api.organization.OrganizationLevel.PARTY_GROUP;
import static vn.partyledger.api.organization.OrganizationLevel.PROVINCE;
import static vn.partyledger.command.organization.OrganizationFixture.AFTER_TWO_TIER;
import static vn.partyledger.command.organization.OrganizationFixture.BEFORE_TWO_TIER;
import static vn.partyledger.command.organization.OrganizationFixture.CELL_ID;
import static vn.partyledger.command.organization.OrganizationFixture.CHARTER_ERA;
import static vn.partyledger.command.organization.OrganizationFixture.COMMUNE_ID;
import static vn.partyledger.command.organization.OrganizationFixture.DISTRICT_ID;
import static vn.partyledger.command.organization.OrganizationFixture.PROVINCE_ID;
import static vn.partyledger.command.organization.OrganizationFixture.TWO_TIER;
import static vn.partyledger.command.organization.OrganizationFixture.fixture;
import static vn.partyledger.command.organization.OrganizationFixture.legacyTree;

import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.EstablishOrganization;
import vn.partyledger.api.organization.OrganizationEstablished;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.rules.LedgerRefusalException;

class EstablishOrganizationTest {

    private static final String NEW_ID = "new-org";

    private final FakeDirectory directory = legacyTree();
    private final FixtureConfiguration<Organization> fixture = fixture(directory);

    private static EstablishOrganization establish(OrganizationLevel level, CellType cellType, String parentId,
                                                   Boolean grassroots, LocalDate on) {
        return new EstablishOrganization(NEW_ID, level, cellType, parentId, "Chi bộ bản Na Tông 3", grassroots, on);
    }

    private static EstablishOrganization establish(OrganizationLevel level, String parentId, LocalDate on) {
        return establish(level, level == CELL ? CellType.VILLAGE : null, parentId, null, on);
    }

    private void expectRefusal(EstablishOrganization command, org.hamcrest.Matcher<?> refusal) {
        fixture.givenNoPriorActivity().when(command)
                .expectNoEvents().expectException(LedgerRefusalException.class).expectExceptionDetails(refusal);
    }

    @Test
    void canEstablishProvince() {
        fixture.givenNoPriorActivity()
                .when(establish(PROVINCE, null, AFTER_TWO_TIER))
                .expectEvents(new OrganizationEstablished(NEW_ID, PROVINCE, null, null, "Chi bộ bản Na Tông 3",
                        false, AFTER_TWO_TIER));
    }

    @Test
    void cannotEstablishProvinceUnderParent() {
        expectRefusal(establish(PROVINCE, PROVINCE_ID, AFTER_TWO_TIER), Refusals.rule("O7", "parentId"));
    }

    @Test
    void cannotEstablishCommuneWithoutParent() {
        expectRefusal(establish(COMMUNE, null, AFTER_TWO_TIER), Refusals.rule("O7", "parentId"));
    }

    @Test
    void canEstablishDistrictBeforeJuly2025() {
        fixture.givenNoPriorActivity()
                .when(establish(DISTRICT, PROVINCE_ID, BEFORE_TWO_TIER))
                .expectEvents(new OrganizationEstablished(NEW_ID, DISTRICT, null, PROVINCE_ID, "Chi bộ bản Na Tông 3",
                        false, BEFORE_TWO_TIER));
    }

    @Test
    void cannotEstablishDistrictAfterJuly2025() {
        expectRefusal(establish(DISTRICT, PROVINCE_ID, TWO_TIER), Refusals.rule("O7", "level", "NQ 60-NQ/TW"));
    }

    @Test
    void cannotEstablishCellUnderDistrictAfterJuly2025() {
        expectRefusal(establish(CELL, DISTRICT_ID, AFTER_TWO_TIER), Refusals.rule("O7", "parentId", "NQ 60-NQ/TW"));
    }

    @Test
    void canEstablishCellUnderDistrictBeforeJuly2025() {
        fixture.givenNoPriorActivity()
                .when(establish(CELL, DISTRICT_ID, CHARTER_ERA))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void canEstablishCommuneUnderProvinceAfterJuly2025() {
        fixture.givenNoPriorActivity()
                .when(establish(COMMUNE, PROVINCE_ID, AFTER_TWO_TIER))
                .expectEvents(new OrganizationEstablished(NEW_ID, COMMUNE, null, PROVINCE_ID, "Chi bộ bản Na Tông 3",
                        true, AFTER_TWO_TIER));
    }

    @Test
    void cannotEstablishPartyGroupUnderCommune() {
        expectRefusal(establish(PARTY_GROUP, COMMUNE_ID, AFTER_TWO_TIER), Refusals.rule("O7", "parentId"));
    }

    @Test
    void canEstablishPartyGroupUnderCell() {
        fixture.givenNoPriorActivity()
                .when(establish(PARTY_GROUP, CELL_ID, AFTER_TWO_TIER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotEstablishUnderUnknownParent() {
        expectRefusal(establish(CELL, "nowhere", AFTER_TWO_TIER), Refusals.notFound("parentId"));
    }

    @Test
    void cannotEstablishUnderEndedParent() {
        directory.ended(COMMUNE_ID);
        expectRefusal(establish(CELL, COMMUNE_ID, AFTER_TWO_TIER), Refusals.rule("O6", "parentId"));
    }

    @Test
    void cannotEstablishOrganizationThatExists() {
        expectRefusal(new EstablishOrganization(CELL_ID, CELL, CellType.VILLAGE, COMMUNE_ID, "Bản 1", null,
                AFTER_TWO_TIER), Refusals.conflict());
    }

    @Test
    void cannotEstablishCellWithoutCellType() {
        expectRefusal(establish(CELL, null, COMMUNE_ID, null, AFTER_TWO_TIER), Refusals.invalid("cellType"));
    }

    @Test
    void cannotEstablishCommuneWithCellType() {
        expectRefusal(establish(COMMUNE, CellType.VILLAGE, PROVINCE_ID, null, AFTER_TWO_TIER),
                Refusals.invalid("cellType"));
    }

    @Test
    void cannotEstablishWithBlankName() {
        expectRefusal(new EstablishOrganization(NEW_ID, PROVINCE, null, null, "  ", null, AFTER_TWO_TIER),
                Refusals.invalid("name"));
    }

    @Test
    void cannotEstablishWithoutLevel() {
        expectRefusal(establish(null, null, PROVINCE_ID, null, AFTER_TWO_TIER), Refusals.invalid("level"));
    }

    @Test
    void cannotEstablishWithoutOccurredOn() {
        expectRefusal(establish(PROVINCE, null, null), Refusals.invalid("occurredOn"));
    }

    @Test
    void cannotEstablishInTheFuture() {
        LocalDate dayAfterTomorrow = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(2);
        expectRefusal(establish(PROVINCE, null, dayAfterTomorrow), Refusals.invalid("occurredOn"));
    }

    @Test
    void cellDirectlyUnderProvinceIsGrassrootsByDefault() {
        fixture.givenNoPriorActivity()
                .when(establish(CELL, PROVINCE_ID, AFTER_TWO_TIER))
                .expectEvents(new OrganizationEstablished(NEW_ID, CELL, CellType.VILLAGE, PROVINCE_ID,
                        "Chi bộ bản Na Tông 3", true, AFTER_TWO_TIER));
    }

    @Test
    void cellUnderCommuneIsSubordinateByDefault() {
        fixture.givenNoPriorActivity()
                .when(establish(CELL, COMMUNE_ID, AFTER_TWO_TIER))
                .expectEvents(new OrganizationEstablished(NEW_ID, CELL, CellType.VILLAGE, COMMUNE_ID,
                        "Chi bộ bản Na Tông 3", false, AFTER_TWO_TIER));
    }

    @Test
    void grassrootsOrganizationUnderCommuneIsGrassrootsByDefault() {
        fixture.givenNoPriorActivity()
                .when(establish(GRASSROOTS, COMMUNE_ID, AFTER_TWO_TIER))
                .expectEvents(new OrganizationEstablished(NEW_ID, GRASSROOTS, null, COMMUNE_ID,
                        "Chi bộ bản Na Tông 3", true, AFTER_TWO_TIER));
    }

    @Test
    void explicitGrassrootsFlagOverridesDefault() {
        fixture.givenNoPriorActivity()
                .when(establish(COMMUNE, null, PROVINCE_ID, false, AFTER_TWO_TIER))
                .expectEvents(new OrganizationEstablished(NEW_ID, COMMUNE, null, PROVINCE_ID,
                        "Chi bộ bản Na Tông 3", false, AFTER_TWO_TIER));
    }

    @Test
    void cannotDeclareProvinceGrassroots() {
        expectRefusal(establish(PROVINCE, null, null, true, AFTER_TWO_TIER), Refusals.invalid("grassroots"));
    }
}
