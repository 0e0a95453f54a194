package vn.partyledger.command.organization;

import static vn.partyledger.command.organization.OrganizationFixture.AFTER_TWO_TIER;
import static vn.partyledger.command.organization.OrganizationFixture.CELL_ID;
import static vn.partyledger.command.organization.OrganizationFixture.COMMUNE_ID;
import static vn.partyledger.command.organization.OrganizationFixture.OTHER_CELL_ID;
import static vn.partyledger.command.organization.OrganizationFixture.PROVINCE_ID;
import static vn.partyledger.command.organization.OrganizationFixture.cellEstablished;
import static vn.partyledger.command.organization.OrganizationFixture.fixture;
import static vn.partyledger.command.organization.OrganizationFixture.legacyTree;

import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.organization.AssignLiaison;
import vn.partyledger.api.organization.EndLiaison;
import vn.partyledger.api.organization.LiaisonAssigned;
import vn.partyledger.api.organization.LiaisonEnded;
import vn.partyledger.api.organization.VisitQuota;
import vn.partyledger.api.rules.LedgerRefusalException;

class LiaisonTest {

    private static final String LIAISON = "ha-van-e";
    private static final VisitQuota QUARTERLY = new VisitQuota(1, VisitQuota.Period.QUARTER);
    private static final LocalDate SINCE = LocalDate.of(2025, 8, 1);

    private final FakeDirectory directory = legacyTree()
            .member(LIAISON, COMMUNE_ID + "-office", MemberStatus.OFFICIAL);
    private final FixtureConfiguration<Organization> fixture = fixture(directory);

    private static AssignLiaison assign(String superiorId, VisitQuota quota) {
        return new AssignLiaison(CELL_ID, LIAISON, superiorId, quota, AFTER_TWO_TIER);
    }

    private static void refused(ResultValidator<?> result, Matcher<?> refusal) {
        result.expectNoEvents().expectException(LedgerRefusalException.class).expectExceptionDetails(refusal);
    }

    @Test
    void canAssignLiaisonFromCommuneCommittee() {
        fixture.given(cellEstablished())
                .when(assign(COMMUNE_ID, QUARTERLY))
                .expectEvents(new LiaisonAssigned(CELL_ID, LIAISON, COMMUNE_ID, QUARTERLY, AFTER_TWO_TIER));
    }

    @Test
    void canAssignLiaisonFromProvinceCommittee() {
        VisitQuota sixAYear = new VisitQuota(6, VisitQuota.Period.YEAR);
        fixture.given(cellEstablished())
                .when(assign(PROVINCE_ID, sixAYear))
                .expectEvents(new LiaisonAssigned(CELL_ID, LIAISON, PROVINCE_ID, sixAYear, AFTER_TWO_TIER));
    }

    @Test
    void cannotAssignLiaisonFromOrganizationThatIsNotAbove() {
        refused(fixture.given(cellEstablished()).when(assign(OTHER_CELL_ID, QUARTERLY)),
                Refusals.rule("O8", "superiorOrganizationId"));
    }

    @Test
    void cannotAssignLiaisonWithoutVisits() {
        refused(fixture.given(cellEstablished()).when(assign(COMMUNE_ID, new VisitQuota(0, VisitQuota.Period.YEAR))),
                Refusals.invalid("visitQuota.visits"));
    }

    @Test
    void cannotAssignLiaisonWithoutQuota() {
        refused(fixture.given(cellEstablished()).when(assign(COMMUNE_ID, null)), Refusals.invalid("visitQuota"));
    }

    @Test
    void cannotAssignSameLiaisonTwiceWhileActive() {
        refused(fixture.given(cellEstablished(), new LiaisonAssigned(CELL_ID, LIAISON, COMMUNE_ID, QUARTERLY, SINCE))
                        .when(assign(PROVINCE_ID, QUARTERLY)),
                Refusals.conflict());
    }

    @Test
    void canAssignLiaisonAgainAfterAssignmentEnded() {
        fixture.given(cellEstablished(), new LiaisonAssigned(CELL_ID, LIAISON, COMMUNE_ID, QUARTERLY, SINCE),
                        new LiaisonEnded(CELL_ID, LIAISON, SINCE.plusDays(10)))
                .when(assign(COMMUNE_ID, QUARTERLY))
                .expectEvents(new LiaisonAssigned(CELL_ID, LIAISON, COMMUNE_ID, QUARTERLY, AFTER_TWO_TIER));
    }

    @Test
    void cannotAssignProbationaryMemberAsLiaison() {
        directory.member(LIAISON, COMMUNE_ID + "-office", MemberStatus.PROBATIONARY);
        refused(fixture.given(cellEstablished()).when(assign(COMMUNE_ID, QUARTERLY)),
                Refusals.rule("O8", "liaisonMemberId"));
    }

    @Test
    void cannotAssignUnknownMemberAsLiaison() {
        refused(fixture.given(cellEstablished())
                        .when(new AssignLiaison(CELL_ID, "nobody", COMMUNE_ID, QUARTERLY, AFTER_TWO_TIER)),
                Refusals.notFound("liaisonMemberId"));
    }

    @Test
    void canEndLiaison() {
        fixture.given(cellEstablished(), new LiaisonAssigned(CELL_ID, LIAISON, COMMUNE_ID, QUARTERLY, SINCE))
                .when(new EndLiaison(CELL_ID, LIAISON, AFTER_TWO_TIER))
                .expectEvents(new LiaisonEnded(CELL_ID, LIAISON, AFTER_TWO_TIER));
    }

    @Test
    void cannotEndLiaisonThatIsNotActive() {
        refused(fixture.given(cellEstablished()).when(new EndLiaison(CELL_ID, LIAISON, AFTER_TWO_TIER)),
                Refusals.state());
    }

    @Test
    void cannotEndLiaisonBeforeItStarted() {
        refused(fixture.given(cellEstablished(), new LiaisonAssigned(CELL_ID, LIAISON, COMMUNE_ID, QUARTERLY, SINCE))
                        .when(new EndLiaison(CELL_ID, LIAISON, SINCE.minusDays(1))),
                Refusals.invalid("occurredOn"));
    }
}
