package vn.partyledger.command.organization;

import static vn.partyledger.api.organization.OfficerRole.CELL_COMMITTEE_MEMBER;
import static vn.partyledger.api.organization.OfficerRole.DEPUTY_SECRETARY;
import static vn.partyledger.api.organization.OfficerRole.GROUP_LEADER;
import static vn.partyledger.api.organization.OfficerRole.SECRETARY;
import static vn.partyledger.api.organization.OfficerRole.STANDING_DEPUTY;
import static vn.partyledger.api.organization.OrganizationLevel.CELL;
import static vn.partyledger.api.organization.OrganizationLevel.PARTY_GROUP;
import static vn.partyledger.command.organization.OrganizationFixture.AFTER_TWO_TIER;
import static vn.partyledger.command.organization.OrganizationFixture.CELL_ID;
import static vn.partyledger.command.organization.OrganizationFixture.CHARTER_ERA;
import static vn.partyledger.command.organization.OrganizationFixture.COMMUNE_ID;
import static vn.partyledger.command.organization.OrganizationFixture.OTHER_CELL_ID;
import static vn.partyledger.command.organization.OrganizationFixture.cellEstablished;
import static vn.partyledger.command.organization.OrganizationFixture.communeEstablished;
import static vn.partyledger.command.organization.OrganizationFixture.established;
import static vn.partyledger.command.organization.OrganizationFixture.fixture;
import static vn.partyledger.command.organization.OrganizationFixture.legacyTree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.organization.AssignOfficer;
import vn.partyledger.api.organization.OfficerAssigned;
import vn.partyledger.api.organization.OfficerRemoved;
import vn.partyledger.api.organization.OfficerRole;
import vn.partyledger.api.organization.RemoveOfficer;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.api.rules.LedgerRefusalException;

class AssignOfficerTest {

    private static final String A = CELL_ID + "-official-0";
    private static final String B = CELL_ID + "-official-1";
    private static final LocalDate TERM_START = LocalDate.of(2020, 8, 1);

    private final FakeDirectory directory = legacyTree();
    private final FixtureConfiguration<Organization> fixture = fixture(directory);

    private static AssignOfficer assign(String memberId, OfficerRole role) {
        return new AssignOfficer(CELL_ID, memberId, role, null, null, AFTER_TWO_TIER);
    }

    private static OfficerAssigned assigned(String memberId, OfficerRole role) {
        return new OfficerAssigned(CELL_ID, memberId, role, TERM_START, null);
    }

    private static void refused(ResultValidator<?> result, Matcher<?> refusal) {
        result.expectNoEvents().expectException(LedgerRefusalException.class).expectExceptionDetails(refusal);
    }

    @Test
    void canAssignSecretaryInSmallCell() {
        directory.officials(CELL_ID, 5);
        fixture.given(cellEstablished())
                .when(assign(A, SECRETARY))
                .expectEvents(new OfficerAssigned(CELL_ID, A, SECRETARY, AFTER_TWO_TIER, null));
    }

    @Test
    void postStartsOnGivenDateNotOnRecordingDate() {
        directory.officials(CELL_ID, 5);
        fixture.given(cellEstablished())
                .when(new AssignOfficer(CELL_ID, A, SECRETARY, TERM_START, TERM_START.plusYears(5), AFTER_TWO_TIER))
                .expectEvents(new OfficerAssigned(CELL_ID, A, SECRETARY, TERM_START, TERM_START.plusYears(5)));
    }

    @Test
    void cannotAssignSecondSecretary() {
        directory.officials(CELL_ID, 5);
        refused(fixture.given(cellEstablished(), assigned(A, SECRETARY)).when(assign(B, SECRETARY)),
                Refusals.rule("O3", "role"));
    }

    @Test
    void canAssignSecretaryAfterPreviousWasRemoved() {
        directory.officials(CELL_ID, 5);
        fixture.given(cellEstablished(), assigned(A, SECRETARY),
                        new OfficerRemoved(CELL_ID, A, SECRETARY, AFTER_TWO_TIER.minusDays(1)))
                .when(assign(B, SECRETARY))
                .expectEvents(new OfficerAssigned(CELL_ID, B, SECRETARY, AFTER_TWO_TIER, null));
    }

    @Test
    void canAssignSuccessorFromTheDayTheFixedTermEnds() {
        directory.officials(CELL_ID, 5);
        fixture.given(cellEstablished(), new OfficerAssigned(CELL_ID, A, SECRETARY, TERM_START, AFTER_TWO_TIER))
                .when(assign(B, SECRETARY))
                .expectEvents(new OfficerAssigned(CELL_ID, B, SECRETARY, AFTER_TWO_TIER, null));
    }

    @Test
    void cannotAssignSuccessorDuringFixedTerm() {
        directory.officials(CELL_ID, 5);
        refused(fixture.given(cellEstablished(),
                                new OfficerAssigned(CELL_ID, A, SECRETARY, TERM_START, AFTER_TWO_TIER.plusDays(1)))
                        .when(assign(B, SECRETARY)),
                Refusals.rule("O3", "role"));
    }

    @Test
    void cannotAssignCellCommitteeMemberInCellOfEightOfficials() {
        directory.officials(CELL_ID, 8);
        refused(fixture.given(cellEstablished()).when(assign(A, CELL_COMMITTEE_MEMBER)),
                Refusals.rule("O3", "role"));
    }

    @Test
    void canAssignCellCommitteeMemberInCellOfNineOfficials() {
        directory.officials(CELL_ID, 9);
        fixture.given(cellEstablished())
                .when(assign(A, CELL_COMMITTEE_MEMBER))
                .expectEvents(new OfficerAssigned(CELL_ID, A, CELL_COMMITTEE_MEMBER, AFTER_TWO_TIER, null));
    }

    @Test
    void cannotAssignEighthCellCommitteeSeat() {
        directory.officials(CELL_ID, 12);
        refused(fixture.given(cellWithFullCommittee()).when(assign(CELL_ID + "-official-7", CELL_COMMITTEE_MEMBER)),
                Refusals.rule("O3", "role"));
    }

    @Test
    void secretaryElectedFromFullCommitteeTakesNoExtraSeat() {
        directory.officials(CELL_ID, 12);
        fixture.given(cellWithFullCommittee())
                .when(assign(A, SECRETARY))
                .expectEvents(new OfficerAssigned(CELL_ID, A, SECRETARY, AFTER_TWO_TIER, null));
    }

    @Test
    void cannotAssignSecondDeputyInCell() {
        directory.officials(CELL_ID, 5);
        refused(fixture.given(cellEstablished(), assigned(A, DEPUTY_SECRETARY)).when(assign(B, DEPUTY_SECRETARY)),
                Refusals.rule("O3", "role"));
    }

    @Test
    void cannotAssignProbationaryMember() {
        directory.officials(CELL_ID, 5).member("lo-thi-c", CELL_ID, MemberStatus.PROBATIONARY);
        refused(fixture.given(cellEstablished()).when(assign("lo-thi-c", SECRETARY)),
                Refusals.rule("P7", "memberId", "Điều lệ Đảng 2011, Điều 5"));
    }

    @Test
    void cannotAssignMemberOfAnotherCell() {
        directory.officials(CELL_ID, 5).officials(OTHER_CELL_ID, 5);
        refused(fixture.given(cellEstablished()).when(assign(OTHER_CELL_ID + "-official-0", SECRETARY)),
                Refusals.rule("O3", "memberId"));
    }

    @Test
    void cannotAssignMemberWhoLeftTheRoll() {
        directory.officials(CELL_ID, 5).member("lo-van-d", CELL_ID, MemberStatus.DECEASED);
        refused(fixture.given(cellEstablished()).when(assign("lo-van-d", SECRETARY)),
                Refusals.rule("O3", "memberId"));
    }

    @Test
    void cannotAssignUnknownMember() {
        refused(fixture.given(cellEstablished()).when(assign("nobody", SECRETARY)), Refusals.notFound("memberId"));
    }

    @Test
    void canAssignCommuneSecretaryFromSubordinateCell() {
        directory.officials(CELL_ID, 5);
        fixture.given(communeEstablished())
                .when(new AssignOfficer(COMMUNE_ID, A, SECRETARY, null, null, AFTER_TWO_TIER))
                .expectEvents(new OfficerAssigned(COMMUNE_ID, A, SECRETARY, AFTER_TWO_TIER, null));
    }

    @Test
    void canAssignGroupLeaderFromTheCellRoll() {
        directory.officials(CELL_ID, 12).organization("to-1", PARTY_GROUP, CELL_ID);
        fixture.given(established("to-1", PARTY_GROUP, CELL_ID, CHARTER_ERA))
                .when(new AssignOfficer("to-1", A, GROUP_LEADER, null, null, AFTER_TWO_TIER))
                .expectEvents(new OfficerAssigned("to-1", A, GROUP_LEADER, AFTER_TWO_TIER, null));
    }

    @Test
    void cannotAssignStandingDeputyInCell() {
        directory.officials(CELL_ID, 12);
        refused(fixture.given(cellEstablished()).when(assign(A, STANDING_DEPUTY)), Refusals.rule("O3", "role"));
    }

    @Test
    void cannotAssignCellCommitteeMemberInCommune() {
        directory.officials(CELL_ID, 12);
        refused(fixture.given(communeEstablished())
                        .when(new AssignOfficer(COMMUNE_ID, A, CELL_COMMITTEE_MEMBER, null, null, AFTER_TWO_TIER)),
                Refusals.rule("O3", "role"));
    }

    @Test
    void cannotAssignSamePostTwice() {
        directory.officials(CELL_ID, 5);
        refused(fixture.given(cellEstablished(), assigned(A, SECRETARY)).when(assign(A, SECRETARY)),
                Refusals.conflict());
    }

    @Test
    void cannotEndPostBeforeItStarts() {
        directory.officials(CELL_ID, 5);
        refused(fixture.given(cellEstablished())
                        .when(new AssignOfficer(CELL_ID, A, SECRETARY, TERM_START, TERM_START.minusDays(1),
                                AFTER_TWO_TIER)),
                Refusals.invalid("to"));
    }

    @Test
    void cannotStartPostBeforeEstablishment() {
        directory.officials(CELL_ID, 5);
        refused(fixture.given(cellEstablished())
                        .when(new AssignOfficer(CELL_ID, A, SECRETARY, CHARTER_ERA.minusDays(1), null,
                                AFTER_TWO_TIER)),
                Refusals.invalid("from"));
    }

    @Test
    void cannotAssignWithoutRole() {
        refused(fixture.given(cellEstablished()).when(assign(A, null)), Refusals.invalid("role"));
    }

    @Test
    void canRemoveOfficer() {
        fixture.given(cellEstablished(), assigned(A, SECRETARY))
                .when(new RemoveOfficer(CELL_ID, A, SECRETARY, AFTER_TWO_TIER))
                .expectEvents(new OfficerRemoved(CELL_ID, A, SECRETARY, AFTER_TWO_TIER));
    }

    @Test
    void cannotRemoveOfficerWhoHoldsNoSuchPost() {
        refused(fixture.given(cellEstablished(), assigned(A, DEPUTY_SECRETARY))
                        .when(new RemoveOfficer(CELL_ID, A, SECRETARY, AFTER_TWO_TIER)),
                Refusals.state());
    }

    @Test
    void cannotRemoveOfficerTwice() {
        refused(fixture.given(cellEstablished(), assigned(A, SECRETARY),
                                new OfficerRemoved(CELL_ID, A, SECRETARY, AFTER_TWO_TIER.minusDays(1)))
                        .when(new RemoveOfficer(CELL_ID, A, SECRETARY, AFTER_TWO_TIER)),
                Refusals.state());
    }

    @Test
    void cannotRemoveOfficerBeforePostStarted() {
        refused(fixture.given(cellEstablished(), assigned(A, SECRETARY))
                        .when(new RemoveOfficer(CELL_ID, A, SECRETARY, TERM_START.minusDays(1))),
                Refusals.invalid("occurredOn"));
    }

    @Test
    void cellCommitteeThresholdIsReadFromPolicyInForceOnTheDate() {
        LocalDate newGuidance = LocalDate.of(2024, 1, 1);
        OfficerRules standard = OrganizationPolicy.standardOfficers();
        OfficerRules smaller = new OfficerRules(standard.posts(), standard.candidacy(), standard.eligibleStatuses(),
                standard.rolesByLevel(), standard.singleHolderRoles(), standard.rollOfParent(),
                new OfficerRules.CellCommittee(CELL, 5, 3, CELL_COMMITTEE_MEMBER,
                        standard.cellCommittee().seatRoles(), DEPUTY_SECRETARY, 1));
        OrganizationPolicy policy = new OrganizationPolicy(OrganizationPolicy.standardHierarchy(),
                Effective.from(OrganizationPolicy.CHARTER_2011, standard).then(newGuidance, smaller),
                Effective.from(OrganizationPolicy.CHARTER_2011, OrganizationPolicy.standardLiaisons()));
        directory.officials(CELL_ID, 5);

        refused(fixture(directory, policy).given(cellEstablished())
                        .when(new AssignOfficer(CELL_ID, A, CELL_COMMITTEE_MEMBER, null, null,
                                newGuidance.minusDays(1))),
                Refusals.rule("O3", "role"));
        fixture(directory, policy).given(cellEstablished())
                .when(new AssignOfficer(CELL_ID, A, CELL_COMMITTEE_MEMBER, null, null, newGuidance))
                .expectEvents(new OfficerAssigned(CELL_ID, A, CELL_COMMITTEE_MEMBER, newGuidance, null));
    }

    /** A cell whose seven chi ủy seats are held by officials 0 to 6. */
    private static Object[] cellWithFullCommittee() {
        List<Object> events = new ArrayList<>();
        events.add(cellEstablished());
        for (int i = 0; i < 7; i++) {
            events.add(assigned(CELL_ID + "-official-" + i, CELL_COMMITTEE_MEMBER));
        }
        return events.toArray();
    }
}
