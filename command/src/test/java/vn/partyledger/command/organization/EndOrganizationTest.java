package vn.partyledger.command.organization;

import static vn.partyledger.command.organization.OrganizationFixture.AFTER_TWO_TIER;
import static vn.partyledger.command.organization.OrganizationFixture.CELL_ID;
import static vn.partyledger.command.organization.OrganizationFixture.CHARTER_ERA;
import static vn.partyledger.command.organization.OrganizationFixture.COMMUNE_ID;
import static vn.partyledger.command.organization.OrganizationFixture.OTHER_CELL_ID;
import static vn.partyledger.command.organization.OrganizationFixture.PROVINCE_ID;
import static vn.partyledger.command.organization.OrganizationFixture.cellEstablished;
import static vn.partyledger.command.organization.OrganizationFixture.communeEstablished;
import static vn.partyledger.command.organization.OrganizationFixture.fixture;
import static vn.partyledger.command.organization.OrganizationFixture.legacyTree;

import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.organization.AssignLiaison;
import vn.partyledger.api.organization.AssignOfficer;
import vn.partyledger.api.organization.DissolveOrganization;
import vn.partyledger.api.organization.EndLiaison;
import vn.partyledger.api.organization.MergeOrganization;
import vn.partyledger.api.organization.OfficerRole;
import vn.partyledger.api.organization.OrganizationDissolved;
import vn.partyledger.api.organization.OrganizationMerged;
import vn.partyledger.api.organization.RemoveOfficer;
import vn.partyledger.api.organization.ReparentOrganization;
import vn.partyledger.api.organization.SetRegularMeetingDay;
import vn.partyledger.api.organization.VisitQuota;
import vn.partyledger.api.rules.LedgerRefusalException;

class EndOrganizationTest {

    private final FakeDirectory directory = legacyTree();
    private final FixtureConfiguration<Organization> fixture = fixture(directory);

    @Test
    void canDissolveEmptyCell() {
        fixture.given(cellEstablished())
                .when(new DissolveOrganization(CELL_ID, "bản sáp nhập", AFTER_TWO_TIER))
                .expectEvents(new OrganizationDissolved(CELL_ID, "bản sáp nhập", AFTER_TWO_TIER));
    }

    @Test
    void cannotDissolveOrganizationWithMembers() {
        directory.member("lo-van-a", CELL_ID, MemberStatus.PROBATIONARY);
        fixture.given(cellEstablished())
                .when(new DissolveOrganization(CELL_ID, "bản sáp nhập", AFTER_TWO_TIER))
                .expectNoEvents().expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.rule("O6", "organizationId"));
    }

    @Test
    void canDissolveCellWhoseMembersAllLeftTheRoll() {
        directory.member("lo-van-a", CELL_ID, MemberStatus.DECEASED)
                .member("lo-van-b", CELL_ID, MemberStatus.TRANSFER_PENDING);
        fixture.given(cellEstablished())
                .when(new DissolveOrganization(CELL_ID, null, AFTER_TWO_TIER))
                .expectEvents(new OrganizationDissolved(CELL_ID, null, AFTER_TWO_TIER));
    }

    @Test
    void cannotDissolveOrganizationWithActiveChildren() {
        fixture.given(communeEstablished())
                .when(new DissolveOrganization(COMMUNE_ID, "sáp nhập xã", AFTER_TWO_TIER))
                .expectNoEvents().expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.rule("O6", "organizationId"));
    }

    @Test
    void canDissolveCommuneOnceChildrenHaveEnded() {
        directory.ended(CELL_ID).ended(OTHER_CELL_ID);
        fixture.given(communeEstablished())
                .when(new DissolveOrganization(COMMUNE_ID, "sáp nhập xã", AFTER_TWO_TIER))
                .expectEvents(new OrganizationDissolved(COMMUNE_ID, "sáp nhập xã", AFTER_TWO_TIER));
    }

    @Test
    void canMergeIntoActiveSurvivor() {
        fixture.given(cellEstablished())
                .when(new MergeOrganization(CELL_ID, OTHER_CELL_ID, AFTER_TWO_TIER))
                .expectEvents(new OrganizationMerged(CELL_ID, OTHER_CELL_ID, AFTER_TWO_TIER));
    }

    @Test
    void cannotMergeOrganizationWithMembers() {
        directory.officials(CELL_ID, 3);
        fixture.given(cellEstablished())
                .when(new MergeOrganization(CELL_ID, OTHER_CELL_ID, AFTER_TWO_TIER))
                .expectNoEvents().expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.rule("O6", "organizationId"));
    }

    @Test
    void cannotMergeIntoItself() {
        fixture.given(cellEstablished())
                .when(new MergeOrganization(CELL_ID, CELL_ID, AFTER_TWO_TIER))
                .expectNoEvents().expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.invalid("survivorId"));
    }

    @Test
    void cannotMergeIntoUnknownSurvivor() {
        fixture.given(cellEstablished())
                .when(new MergeOrganization(CELL_ID, "nowhere", AFTER_TWO_TIER))
                .expectNoEvents().expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.notFound("survivorId"));
    }

    @Test
    void cannotMergeIntoEndedSurvivor() {
        directory.ended(OTHER_CELL_ID);
        fixture.given(cellEstablished())
                .when(new MergeOrganization(CELL_ID, OTHER_CELL_ID, AFTER_TWO_TIER))
                .expectNoEvents().expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.rule("O6", "survivorId"));
    }

    @Test
    void cannotMergeWithoutSurvivor() {
        fixture.given(cellEstablished())
                .when(new MergeOrganization(CELL_ID, null, AFTER_TWO_TIER))
                .expectNoEvents().expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.invalid("survivorId"));
    }

    @Test
    void cannotDissolveBeforeEstablishment() {
        fixture.given(cellEstablished())
                .when(new DissolveOrganization(CELL_ID, null, CHARTER_ERA.minusDays(1)))
                .expectNoEvents().expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.invalid("occurredOn"));
    }

    static Stream<Object> commandsToEndedCell() {
        return Stream.of(
                new ReparentOrganization(CELL_ID, PROVINCE_ID, AFTER_TWO_TIER),
                new MergeOrganization(CELL_ID, OTHER_CELL_ID, AFTER_TWO_TIER),
                new DissolveOrganization(CELL_ID, "again", AFTER_TWO_TIER),
                new AssignOfficer(CELL_ID, "lo-van-a", OfficerRole.SECRETARY, null, null, AFTER_TWO_TIER),
                new RemoveOfficer(CELL_ID, "lo-van-a", OfficerRole.SECRETARY, AFTER_TWO_TIER),
                new SetRegularMeetingDay(CELL_ID, 24, 22, AFTER_TWO_TIER),
                new AssignLiaison(CELL_ID, "lo-van-a", COMMUNE_ID, new VisitQuota(1, VisitQuota.Period.QUARTER),
                        AFTER_TWO_TIER),
                new EndLiaison(CELL_ID, "lo-van-a", AFTER_TWO_TIER));
    }

    @ParameterizedTest
    @MethodSource("commandsToEndedCell")
    void endedOrganizationRefusesEveryFurtherCommand(Object command) {
        fixture.given(cellEstablished(), new OrganizationMerged(CELL_ID, OTHER_CELL_ID, AFTER_TWO_TIER.minusDays(10)))
                .when(command)
                .expectNoEvents().expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.state());
    }
}
