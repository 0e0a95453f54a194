package vn.partyledger.command.oversight;

import static vn.partyledger.command.Refusals.invalidInput;
import static vn.partyledger.command.Refusals.wrongState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.oversight.CaseConcluded;
import vn.partyledger.api.oversight.ConcludeCase;
import vn.partyledger.api.oversight.FindingRecorded;
import vn.partyledger.api.oversight.OpenOversightCase;
import vn.partyledger.api.oversight.OversightCaseOpened;
import vn.partyledger.api.oversight.OversightKind;
import vn.partyledger.api.oversight.RecordFinding;
import vn.partyledger.api.oversight.RecordsRequested;
import vn.partyledger.api.oversight.RemedyRequired;
import vn.partyledger.api.oversight.RemedyVerified;
import vn.partyledger.api.oversight.RequestRecords;
import vn.partyledger.api.oversight.RequestedRecord;
import vn.partyledger.api.oversight.RequireRemedy;
import vn.partyledger.api.oversight.VerifyRemedy;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.command.InMemoryOrganizationDirectory;
import vn.partyledger.command.directory.OrganizationEntry;

class OversightCaseTest {

    private static final String ID = "case-1";
    private static final String COMMUNE = "commune-na-tong";
    private static final String CELL = "cell-na-tong-1";
    private static final String ELSEWHERE = "cell-elsewhere";
    private static final LocalDate ON = LocalDate.of(2025, 9, 1);
    private static final OversightCaseOpened OPENED = new OversightCaseOpened(ID, COMMUNE, OversightKind.INSPECTION,
            CELL, null, "Chế độ sinh hoạt", null);

    private final FixtureConfiguration<OversightCase> fixture = new AggregateTestFixture<>(OversightCase.class);

    OversightCaseTest() {
        // the cell lies under the commune; the other cell does not
        fixture.registerInjectableResource(new InMemoryOrganizationDirectory() {
                    @Override
                    public List<String> ancestors(String organizationId) {
                        return CELL.equals(organizationId) ? List.of(COMMUNE) : List.of();
                    }
                }
                .with(new OrganizationEntry(COMMUNE, OrganizationLevel.COMMUNE, null, null, true, true))
                .with(new OrganizationEntry(CELL, OrganizationLevel.CELL, CellType.VILLAGE, COMMUNE, false, false))
                .with(new OrganizationEntry(ELSEWHERE, OrganizationLevel.CELL, CellType.VILLAGE, null, false, true)));
    }

    @Test
    void aCaseIsOpenedOnAnOrganisationOfTheCommissionsSubtreeEvenIfItHasEnded() {
        fixture.givenNoPriorActivity()
                .when(new OpenOversightCase(ID, COMMUNE, OversightKind.INSPECTION, CELL, null, "Chế độ sinh hoạt",
                        null, ON))
                .expectEvents(OPENED);
    }

    @Test
    void aCaseOutsideTheCommissionsSubtreeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenOversightCase(ID, COMMUNE, OversightKind.SUPERVISION, ELSEWHERE, null, "x", null, ON))
                .expectException(LedgerRefusalException.class)
                .expectExceptionDetails(invalidInput("subjectOrganizationId"))
                .expectNoEvents();
    }

    @Test
    void aRecordRequestIsLoggedWithItsTimeAxes() {
        Instant knownAt = Instant.parse("2025-08-01T00:00:00Z");
        fixture.given(OPENED)
                .when(new RequestRecords(ID, RequestedRecord.ORGANIZATION_HISTORY, CELL, LocalDate.of(2025, 6, 30),
                        knownAt, ON))
                .expectEvents(new RecordsRequested(ID, COMMUNE, 1, RequestedRecord.ORGANIZATION_HISTORY, CELL,
                        LocalDate.of(2025, 6, 30), knownAt));
    }

    @Test
    void recordsAreNotRequestedAsOfADateToCome() {
        fixture.given(OPENED)
                .when(new RequestRecords(ID, RequestedRecord.ORGANIZATION_HISTORY, CELL, ON.plusDays(1), null, ON))
                .expectExceptionDetails(invalidInput("asOf"))
                .expectNoEvents();
    }

    @Test
    void remediesFollowTheConclusionAndAreVerifiedOnce() {
        fixture.given(OPENED)
                .when(new RequireRemedy(ID, "Sinh hoạt bù", null, ON))
                .expectExceptionDetails(wrongState())
                .expectNoEvents();
        fixture.given(OPENED, new CaseConcluded(ID, COMMUNE, "Chưa duy trì sinh hoạt", List.of()))
                .when(new RequireRemedy(ID, "Sinh hoạt bù", ON.plusMonths(1), ON))
                .expectEvents(new RemedyRequired(ID, COMMUNE, CELL, 1, "Sinh hoạt bù", ON.plusMonths(1)));
        fixture.given(OPENED, new CaseConcluded(ID, COMMUNE, "c", List.of()),
                        new RemedyRequired(ID, COMMUNE, CELL, 1, "Sinh hoạt bù", null), new RemedyVerified(ID, COMMUNE, 1, null))
                .when(new VerifyRemedy(ID, 1, null, ON))
                .expectExceptionDetails(wrongState())
                .expectNoEvents();
    }

    @Test
    void aConcludedCaseTakesNoMoreFindings() {
        fixture.given(OPENED, new FindingRecorded(ID, COMMUNE, 1, "f"), new CaseConcluded(ID, COMMUNE, "c", List.of()))
                .when(new RecordFinding(ID, "late", ON))
                .expectExceptionDetails(wrongState())
                .expectNoEvents();
        fixture.given(OPENED)
                .when(new ConcludeCase(ID, "Kết luận", List.of(" Sinh hoạt đúng ngày ", " "), ON))
                .expectEvents(new CaseConcluded(ID, COMMUNE, "Kết luận", List.of("Sinh hoạt đúng ngày")));
    }
}
