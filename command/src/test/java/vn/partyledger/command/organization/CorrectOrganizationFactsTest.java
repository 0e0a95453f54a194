package vn.partyledger.command.organization;

import static vn.partyledger.api.organization.OrganizationLevel.CELL;
import static vn.partyledger.command.organization.OrganizationFixture.AFTER_TWO_TIER;
import static vn.partyledger.command.organization.OrganizationFixture.CELL_ID;
import static vn.partyledger.command.organization.OrganizationFixture.CHARTER_ERA;
import static vn.partyledger.command.organization.OrganizationFixture.COMMUNE_ID;
import static vn.partyledger.command.organization.OrganizationFixture.DISTRICT_ID;
import static vn.partyledger.command.organization.OrganizationFixture.cellEstablished;
import static vn.partyledger.command.organization.OrganizationFixture.communeEstablished;
import static vn.partyledger.command.organization.OrganizationFixture.established;
import static vn.partyledger.command.organization.OrganizationFixture.fixture;
import static vn.partyledger.command.organization.OrganizationFixture.legacyTree;

import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.CorrectOrganizationFacts;
import vn.partyledger.api.organization.OfficerAssigned;
import vn.partyledger.api.organization.OfficerRole;
import vn.partyledger.api.organization.OrganizationDissolved;
import vn.partyledger.api.organization.OrganizationFactsCorrected;
import vn.partyledger.api.organization.OrganizationReparented;
import vn.partyledger.api.rules.LedgerRefusalException;

class CorrectOrganizationFactsTest {

    private static final String ESTABLISHED_EVENT = "event-of-the-establishment";
    private static final LocalDate DECIDED = AFTER_TWO_TIER.plusDays(10);

    private final FakeDirectory directory = legacyTree();
    private final FixtureConfiguration<Organization> fixture = fixture(directory);

    private static CorrectOrganizationFacts correct(String id, String name, CellType cellType, LocalDate on) {
        return new CorrectOrganizationFacts(id, ESTABLISHED_EVENT, name, cellType, on, DECIDED);
    }

    private void expectRefusal(Object[] given, CorrectOrganizationFacts command, Matcher<?> refusal) {
        fixture.given(given).when(command)
                .expectNoEvents().expectException(LedgerRefusalException.class).expectExceptionDetails(refusal);
    }

    @Test
    void aMisspelledNameIsCorrectedAndTheOtherFactsStayAsRecorded() {
        fixture.given(cellEstablished())
                .when(correct(CELL_ID, "  Chi bộ bản Na Tông 1 ", null, null))
                .expectEvents(new OrganizationFactsCorrected(CELL_ID, "Chi bộ bản Na Tông 1", CellType.VILLAGE,
                        CHARTER_ERA, ESTABLISHED_EVENT));
    }

    @Test
    void aCellTypeAndAnEstablishmentDateCopiedWronglyAreCorrectedTogether() {
        LocalDate founded = CHARTER_ERA.minusYears(3);
        fixture.given(cellEstablished())
                .when(correct(CELL_ID, null, CellType.ENTERPRISE, founded))
                .expectEvents(new OrganizationFactsCorrected(CELL_ID, CELL_ID, CellType.ENTERPRISE, founded,
                        ESTABLISHED_EVENT));
    }

    @Test
    void aCorrectionThatChangesNothingIsRefused() {
        expectRefusal(new Object[]{cellEstablished()}, correct(CELL_ID, CELL_ID, CellType.VILLAGE, CHARTER_ERA),
                Refusals.invalid("replacement"));
    }

    @Test
    void aCorrectionWithoutAReplacementIsRefused() {
        expectRefusal(new Object[]{cellEstablished()}, correct(CELL_ID, null, null, null),
                Refusals.invalid("replacement"));
    }

    @Test
    void aCommuneGetsNoCellTypeByCorrectionAsItGotNoneAtItsEstablishment() {
        expectRefusal(new Object[]{communeEstablished()}, correct(COMMUNE_ID, null, CellType.VILLAGE, null),
                Refusals.invalid("replacement.cellType"));
    }

    @Test
    void theEstablishmentCannotMovePastALaterFactOfTheRecord() {
        expectRefusal(new Object[]{cellEstablished(),
                        new OfficerAssigned(CELL_ID, "lo-van-a", OfficerRole.SECRETARY, CHARTER_ERA.plusMonths(2), null)},
                correct(CELL_ID, null, null, CHARTER_ERA.plusMonths(3)), Refusals.invalid("replacement.establishedOn"));
    }

    @Test
    void theEstablishmentCannotMovePastAMemberOnItsRoll() {
        directory.factAbout(CELL_ID, CHARTER_ERA.plusMonths(1));
        expectRefusal(new Object[]{cellEstablished()}, correct(CELL_ID, null, null, CHARTER_ERA.plusMonths(2)),
                Refusals.invalid("replacement.establishedOn"));
    }

    @Test
    void theCorrectedDateIsJudgedByTheHierarchyInForceOnIt() {
        // A cell founded under a district: after 1 July 2025 no organisation sits under a district (NQ 60-NQ/TW).
        String cell = "ban-under-district";
        directory.organization(cell, CELL, DISTRICT_ID);
        expectRefusal(new Object[]{established(cell, CELL, DISTRICT_ID, CHARTER_ERA)},
                correct(cell, null, null, AFTER_TWO_TIER),
                Refusals.rule("O7", "replacement.establishedOn", "NQ 60-NQ/TW"));
    }

    @Test
    void anEstablishmentDateInTheFutureIsRefused() {
        expectRefusal(new Object[]{cellEstablished()}, correct(CELL_ID, null, null, LocalDate.now().plusYears(1)),
                Refusals.invalid("replacement.establishedOn"));
    }

    @Test
    void anEndedOrganizationsRecordCanStillBeCorrected() {
        fixture.given(cellEstablished(), new OrganizationDissolved(CELL_ID, "sáp nhập bản", AFTER_TWO_TIER))
                .when(correct(CELL_ID, "Chi bộ bản Na Tông 1", null, null))
                .expectEvents(new OrganizationFactsCorrected(CELL_ID, "Chi bộ bản Na Tông 1", CellType.VILLAGE,
                        CHARTER_ERA, ESTABLISHED_EVENT));
    }

    @Test
    void aReparentingAfterTheCorrectedDateStillHolds() {
        LocalDate moved = CHARTER_ERA.plusYears(1);
        fixture.given(cellEstablished(), new OrganizationReparented(CELL_ID, COMMUNE_ID, "muong-luan", moved))
                .when(correct(CELL_ID, null, null, moved.minusDays(1)))
                .expectEvents(new OrganizationFactsCorrected(CELL_ID, CELL_ID, CellType.VILLAGE, moved.minusDays(1),
                        ESTABLISHED_EVENT));
    }
}
