package vn.partyledger.command.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.partyledger.api.member.CandidateRegistered;
import vn.partyledger.api.member.CellVote;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.ExistingMemberEnrolled;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.Introducer;
import vn.partyledger.api.member.MemberAdmitted;
import vn.partyledger.api.member.MemberDeceased;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.member.MembershipMadeOfficial;
import vn.partyledger.api.member.ProbationaryRemoved;
import vn.partyledger.api.member.RollRemovalGround;
import vn.partyledger.api.member.RollRemoved;
import vn.partyledger.api.member.TransferIssued;
import vn.partyledger.api.member.TransferKind;
import vn.partyledger.api.member.TransferReceived;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.OrganizationDissolved;
import vn.partyledger.api.organization.OrganizationEstablished;
import vn.partyledger.api.organization.OrganizationFactsCorrected;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.organization.OrganizationMerged;
import vn.partyledger.api.organization.OrganizationReparented;

class DirectoryProjectionTest {

    private static final LocalDate D = LocalDate.of(2019, 3, 1);
    private static final String PROVINCE = "dien-bien";
    private static final String DISTRICT = "dien-bien-dong";
    private static final String COMMUNE = "na-tong";
    private static final String CELL = "na-tong-ban-1";
    private static final String OTHER_CELL = "na-tong-ban-2";
    private static final String GROUP = "na-tong-ban-1-to-1";

    private static final NamedParameterJdbcTemplate jdbc = LookupDatabase.jdbc();

    private final DirectoryProjection projection = new DirectoryProjection(jdbc);
    private final JdbcOrganizationDirectory organizations = new JdbcOrganizationDirectory(jdbc);
    private final JdbcMemberDirectory members = new JdbcMemberDirectory(jdbc);

    @BeforeEach
    void emptyTables() {
        projection.reset();
    }

    @Test
    void establishedOrganizationIsFoundActive() {
        projection.on(new OrganizationEstablished(CELL, OrganizationLevel.CELL, CellType.VILLAGE, COMMUNE, "Bản 1",
                false, D));

        assertThat(organizations.find(CELL)).contains(
                new OrganizationEntry(CELL, OrganizationLevel.CELL, CellType.VILLAGE, COMMUNE, false, true));
        assertThat(organizations.find("nowhere")).isEmpty();
    }

    @Test
    void aCorrectedCellTypeIsWhatTheNextCommandSees() {
        projection.on(new OrganizationEstablished(CELL, OrganizationLevel.CELL, CellType.VILLAGE, COMMUNE, "Bản 1",
                false, D));
        projection.on(new OrganizationFactsCorrected(CELL, "Bản 1", CellType.SCHOOL, D.minusYears(1), "event-1"));

        assertThat(organizations.find(CELL)).contains(
                new OrganizationEntry(CELL, OrganizationLevel.CELL, CellType.SCHOOL, COMMUNE, false, true));
    }

    @Test
    void ancestorsRunFromParentToRoot() {
        legacyTree();

        assertThat(organizations.ancestors(GROUP)).containsExactly(CELL, COMMUNE, DISTRICT, PROVINCE);
        assertThat(organizations.ancestors(PROVINCE)).isEmpty();
        assertThat(organizations.ancestors("nowhere")).isEmpty();
    }

    @Test
    void reparentedOrganizationHasItsNewAncestors() {
        legacyTree();
        projection.on(new OrganizationReparented(COMMUNE, DISTRICT, PROVINCE, LocalDate.of(2025, 7, 1)));

        assertThat(organizations.ancestors(CELL)).containsExactly(COMMUNE, PROVINCE);
        assertThat(organizations.find(COMMUNE).orElseThrow().parentId()).isEqualTo(PROVINCE);
        assertThat(organizations.activeChildren(DISTRICT)).isZero();
    }

    @Test
    void activeChildrenCountsOnlyActiveDirectChildren() {
        legacyTree();
        projection.on(new OrganizationEstablished("na-tong-ban-3", OrganizationLevel.CELL, CellType.VILLAGE, COMMUNE,
                "Bản 3", false, D));
        projection.on(new OrganizationMerged(OTHER_CELL, CELL, D.plusYears(1)));
        projection.on(new OrganizationDissolved("na-tong-ban-3", "no members left", D.plusYears(1)));

        assertThat(organizations.activeChildren(COMMUNE)).isEqualTo(1);
        assertThat(organizations.activeChildren(DISTRICT)).isEqualTo(1);
        assertThat(organizations.find(OTHER_CELL).orElseThrow().active()).isFalse();
    }

    @Test
    void rollCountsProbationaryAndOfficialMembersOnly() {
        candidate("a", CELL);
        admitted("b", CELL);
        official("c", CELL, D.plusYears(1));
        official("d", CELL, D.plusYears(1));
        projection.on(new MemberDeceased("d", CELL, D.plusYears(2)));
        admitted("e", CELL);
        projection.on(new ProbationaryRemoved("e", CELL, "QĐ 1", "not qualified", D.plusYears(1)));
        official("f", CELL, D.plusYears(1));
        projection.on(new RollRemoved("f", CELL, RollRemovalGround.FEES_UNPAID, "QĐ 2", "Đảng ủy xã", D.plusYears(2)));
        official("g", OTHER_CELL, D.plusYears(1));

        assertThat(organizations.membersOnRoll(CELL)).isEqualTo(2);
        assertThat(organizations.officialMembers(CELL)).isEqualTo(1);
        assertThat(members.find("e").orElseThrow().status()).isEqualTo(MemberStatus.PROBATION_ENDED);
        assertThat(members.find("f").orElseThrow().status()).isEqualTo(MemberStatus.ROLL_REMOVED);
        assertThat(members.find("d").orElseThrow().status()).isEqualTo(MemberStatus.DECEASED);
    }

    @Test
    void memberPassesThroughCandidateProbationaryAndOfficial() {
        candidate("a", CELL);
        assertThat(members.find("a")).contains(new MemberEntry("a", CELL, MemberStatus.CANDIDATE, null));
        admitted("a", CELL);
        assertThat(members.find("a").orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
        official("a", CELL, LocalDate.of(2020, 3, 1));
        assertThat(members.find("a")).contains(
                new MemberEntry("a", CELL, MemberStatus.OFFICIAL, LocalDate.of(2020, 3, 1)));
        assertThat(members.find("nobody")).isEmpty();
    }

    @Test
    void enrolledExistingMembersAreOnTheRollWithTheirStatus() {
        projection.on(enrolled("a", LocalDate.of(2001, 5, 19), null));
        projection.on(enrolled("b", null, LocalDate.of(2025, 11, 2)));

        assertThat(members.find("a")).contains(
                new MemberEntry("a", CELL, MemberStatus.OFFICIAL, LocalDate.of(2001, 5, 19)));
        assertThat(members.find("b").orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(organizations.membersOnRoll(CELL)).isEqualTo(2);
        assertThat(organizations.officialMembers(CELL)).isEqualTo(1);
    }

    @Test
    void officialTransferMovesMemberToReceivingRollKeepingStatus() {
        official("a", CELL, D);
        admitted("b", CELL);

        issue("a", CELL, OTHER_CELL, TransferKind.OFFICIAL);
        issue("b", CELL, OTHER_CELL, TransferKind.OFFICIAL);
        assertThat(members.find("a").orElseThrow().status()).isEqualTo(MemberStatus.TRANSFER_PENDING);
        assertThat(organizations.membersOnRoll(CELL)).isZero();
        assertThat(organizations.membersOnRoll(OTHER_CELL)).isZero();

        receive("a", OTHER_CELL, CELL, TransferKind.OFFICIAL);
        receive("b", OTHER_CELL, CELL, TransferKind.OFFICIAL);
        assertThat(members.find("a")).contains(new MemberEntry("a", OTHER_CELL, MemberStatus.OFFICIAL, D));
        assertThat(members.find("b").orElseThrow().status()).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(organizations.officialMembers(OTHER_CELL)).isEqualTo(1);
        assertThat(organizations.membersOnRoll(OTHER_CELL)).isEqualTo(2);
    }

    @Test
    void officialTransferOutOfTheLedgerEndsMembershipHere() {
        official("a", CELL, D);
        issue("a", CELL, null, TransferKind.OFFICIAL);

        assertThat(members.find("a").orElseThrow().status()).isEqualTo(MemberStatus.TRANSFERRED_OUT);
        assertThat(organizations.membersOnRoll(CELL)).isZero();
    }

    @Test
    void temporaryTransferLeavesMemberOnHomeRoll() {
        official("a", CELL, D);
        issue("a", CELL, OTHER_CELL, TransferKind.TEMPORARY);
        receive("a", OTHER_CELL, CELL, TransferKind.TEMPORARY);

        assertThat(members.find("a")).contains(new MemberEntry("a", CELL, MemberStatus.OFFICIAL, D));
        assertThat(organizations.officialMembers(CELL)).isEqualTo(1);
        assertThat(organizations.membersOnRoll(OTHER_CELL)).isZero();
    }

    @Test
    void transferIssuedTwiceStillRestoresStatusHeldBefore() {
        official("a", CELL, D);
        issue("a", CELL, OTHER_CELL, TransferKind.OFFICIAL);
        issue("a", CELL, OTHER_CELL, TransferKind.OFFICIAL);
        receive("a", OTHER_CELL, CELL, TransferKind.OFFICIAL);

        assertThat(members.find("a").orElseThrow().status()).isEqualTo(MemberStatus.OFFICIAL);
    }

    @Test
    void replayAfterResetBuildsTheSameDirectory() {
        Runnable history = () -> {
            legacyTree();
            projection.on(new OrganizationReparented(COMMUNE, DISTRICT, PROVINCE, LocalDate.of(2025, 7, 1)));
            projection.on(new OrganizationDissolved(DISTRICT, "two-tier local government", LocalDate.of(2025, 7, 1)));
            official("a", CELL, D);
            admitted("b", CELL);
            issue("a", CELL, OTHER_CELL, TransferKind.OFFICIAL);
            receive("a", OTHER_CELL, CELL, TransferKind.OFFICIAL);
            projection.on(new MemberDeceased("b", CELL, D.plusYears(3)));
        };
        history.run();
        List<Map<String, Object>> live = snapshot();

        projection.reset();
        assertThat(snapshot()).isEmpty();
        history.run();

        assertThat(snapshot()).isEqualTo(live).isNotEmpty();
    }

    private List<Map<String, Object>> snapshot() {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.getJdbcTemplate()
                .queryForList("select * from cmd_organization order by organization_id"));
        rows.addAll(jdbc.getJdbcTemplate().queryForList("select * from cmd_member order by member_id"));
        return rows;
    }

    private void legacyTree() {
        projection.on(new OrganizationEstablished(PROVINCE, OrganizationLevel.PROVINCE, null, null, "Điện Biên",
                false, D));
        projection.on(new OrganizationEstablished(DISTRICT, OrganizationLevel.DISTRICT, null, PROVINCE,
                "Điện Biên Đông", false, D));
        projection.on(new OrganizationEstablished(COMMUNE, OrganizationLevel.COMMUNE, null, DISTRICT, "Na Tông",
                true, D));
        projection.on(new OrganizationEstablished(CELL, OrganizationLevel.CELL, CellType.VILLAGE, COMMUNE, "Bản 1",
                false, D));
        projection.on(new OrganizationEstablished(OTHER_CELL, OrganizationLevel.CELL, CellType.VILLAGE, COMMUNE,
                "Bản 2", false, D));
        projection.on(new OrganizationEstablished(GROUP, OrganizationLevel.PARTY_GROUP, null, CELL, "Tổ 1", false,
                D));
    }

    private void candidate(String memberId, String organizationId) {
        projection.on(new CandidateRegistered(memberId, organizationId, "Lò Văn " + memberId, LocalDate.of(1990, 1, 1),
                Gender.MALE, "Thái", EducationLevel.UPPER_SECONDARY, D));
    }

    private void admitted(String memberId, String organizationId) {
        projection.on(new MemberAdmitted(memberId, organizationId, "QĐ 10", "Đảng ủy xã", D, D,
                List.of(new Introducer("x", D.minusYears(2)), new Introducer("y", D.minusYears(2))),
                new CellVote(9, 10, D), D.plusYears(1)));
    }

    private void official(String memberId, String organizationId, LocalDate since) {
        projection.on(new MembershipMadeOfficial(memberId, organizationId, since, "QĐ 20", since,
                new CellVote(9, 10, since), false));
    }

    private static ExistingMemberEnrolled enrolled(String memberId, LocalDate officialOn, LocalDate probationEndsOn) {
        LocalDate admitted = officialOn == null ? probationEndsOn.minusYears(1) : officialOn.minusYears(1);
        return new ExistingMemberEnrolled(memberId, CELL, "Quàng Văn " + memberId, LocalDate.of(1975, 2, 3),
                Gender.MALE, "Thái", EducationLevel.UPPER_SECONDARY, admitted, admitted, officialOn, probationEndsOn,
                null, "sổ đảng viên", D);
    }

    private void issue(String memberId, String from, String to, TransferKind kind) {
        projection.on(new TransferIssued(memberId, from, to, to == null ? "Đảng bộ ngoài hệ thống" : null, kind,
                "GGT 5", kind == TransferKind.TEMPORARY ? D.plusYears(3) : null, "WORK", D.plusYears(2)));
    }

    private void receive(String memberId, String at, String from, TransferKind kind) {
        projection.on(new TransferReceived(memberId, at, from, kind, D.plusYears(2).plusDays(10)));
    }
}
