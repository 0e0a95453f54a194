package vn.partyledger.query.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.partyledger.query.member.MemberFixture.officialMember;
import static vn.partyledger.query.member.MemberFixture.probationaryMember;
import static vn.partyledger.query.organization.OrganizationFixture.REORGANISED;
import static vn.partyledger.query.organization.OrganizationFixture.cell;
import static vn.partyledger.query.organization.OrganizationFixture.commune;
import static vn.partyledger.query.organization.OrganizationFixture.dissolved;
import static vn.partyledger.query.organization.OrganizationFixture.district;
import static vn.partyledger.query.organization.OrganizationFixture.merged;
import static vn.partyledger.query.organization.OrganizationFixture.province;
import static vn.partyledger.query.organization.OrganizationFixture.reparented;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.FindOrganizationTree;
import vn.partyledger.api.organization.LiaisonAssigned;
import vn.partyledger.api.organization.LiaisonEnded;
import vn.partyledger.api.organization.OfficerAssigned;
import vn.partyledger.api.organization.OfficerRemoved;
import vn.partyledger.api.organization.OfficerRole;
import vn.partyledger.api.organization.OrganizationTree;
import vn.partyledger.api.organization.OrganizationTree.Node;
import vn.partyledger.api.organization.OrganizationView;
import vn.partyledger.api.organization.RegularMeetingDaySet;
import vn.partyledger.api.organization.RollCounts;
import vn.partyledger.api.organization.VisitQuota;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.query.QuerySide;
import vn.partyledger.query.ReadModelDatabase;

class OrganizationTreeProjectionTest {

    private static final String PROVINCE = "dien-bien";
    private static final String DISTRICT = "dien-bien-dong";
    private static final String NA_TONG = "na-tong";
    private static final String MUONG_PHANG = "muong-phang";
    private static final LocalDate BEFORE = REORGANISED.minusDays(1);
    private static final LocalDate AFTER = REORGANISED.plusDays(1);
    private static final LocalDate ADMITTED = LocalDate.of(2015, 3, 2);

    private static ReadModelDatabase db;
    private QuerySide side;

    @BeforeAll
    static void startDatabase() {
        db = ReadModelDatabase.start();
    }

    @AfterAll
    static void stopDatabase() {
        db.close();
    }

    @BeforeEach
    void cleanTables() {
        db.clean();
        side = new QuerySide(db);
    }

    @Test
    void cellBelowThreeOfficialMembersCarriesTheO1WarningInViewAndTree() {
        side.feed(province(PROVINCE, "Đảng bộ tỉnh Điện Biên"), commune(NA_TONG, PROVINCE, "Đảng bộ xã Na Tông"),
                cell("ban-pa", NA_TONG, "Chi bộ bản Pá", CellType.VILLAGE));
        side.feed(officialMember("a", "ban-pa", "Lò Văn A", ADMITTED));
        side.feed(officialMember("b", "ban-pa", "Lò Văn B", ADMITTED));
        LocalDate day = LocalDate.of(2020, 3, 23);

        assertThat(side.organization("ban-pa", day).warnings()).extracting(w -> w.rule()).containsExactly("O1");
        Node cellNode = side.tree(NA_TONG, day).roots().get(0).children().get(0);
        assertThat(cellNode.warnings()).extracting(w -> w.rule()).containsExactly("O1");

        side.feed(officialMember("c", "ban-pa", "Lò Văn C", ADMITTED));
        assertThat(side.organization("ban-pa", day).warnings()).isEmpty();
    }

    @Test
    void districtDissolvedInTheReorganisationAppearsOnlyBeforeItsEnd() {
        feedReorganisation();

        assertThat(ids(side.tree(null, BEFORE).roots().get(0).children())).containsExactly(DISTRICT);
        assertThat(ids(side.tree(null, AFTER).roots().get(0).children())).containsExactly(MUONG_PHANG, NA_TONG);
        assertThat(find(side.tree(null, REORGANISED), DISTRICT)).isEmpty();
    }

    @Test
    void communesSitUnderTheDistrictBeforeAndUnderTheProvinceAfter() {
        feedReorganisation();

        Node district = find(side.tree(null, BEFORE), DISTRICT).orElseThrow();
        assertThat(ids(district.children())).containsExactly(MUONG_PHANG, NA_TONG);
        assertThat(side.organization(NA_TONG, BEFORE).parentId()).isEqualTo(DISTRICT);
        assertThat(side.organization(NA_TONG, AFTER).parentId()).isEqualTo(PROVINCE);
    }

    @Test
    void subtreeCountsFollowTheCommunesAcrossTheReorganisation() {
        feedReorganisation();

        OrganizationTree before = side.tree(null, BEFORE);
        assertThat(find(before, DISTRICT).orElseThrow().subtreeCounts().official()).isEqualTo(5);
        assertThat(before.roots().get(0).subtreeCounts().official()).isEqualTo(5);
        OrganizationTree after = side.tree(null, AFTER);
        assertThat(after.roots().get(0).subtreeCounts().official()).isEqualTo(5);
        assertThat(find(after, NA_TONG).orElseThrow().subtreeCounts().official()).isEqualTo(3);
    }

    @Test
    void dissolvedDistrictStaysQueryableWithItsEndAndLastParent() {
        feedReorganisation();

        OrganizationView district = side.organization(DISTRICT, AFTER);

        assertThat(district.endedOn()).isEqualTo(REORGANISED);
        assertThat(district.endReason()).contains("bỏ cấp huyện");
        assertThat(district.mergedInto()).isNull();
        assertThat(district.parentId()).isEqualTo(PROVINCE);
        assertThat(district.counts()).isEqualTo(RollCounts.ZERO);
    }

    @Test
    void mergedOrganisationNamesItsSurvivor() {
        side.feed(province(PROVINCE, "Đảng bộ tỉnh Điện Biên"), commune(NA_TONG, PROVINCE, "Đảng bộ xã Na Tông"),
                commune(MUONG_PHANG, PROVINCE, "Đảng bộ xã Mường Phăng"), merged(MUONG_PHANG, NA_TONG, REORGANISED));

        OrganizationView gone = side.organization(MUONG_PHANG, AFTER);

        assertThat(gone.endedOn()).isEqualTo(REORGANISED);
        assertThat(gone.endReason()).isEqualTo(OrganizationTreeProjection.MERGED);
        assertThat(gone.mergedInto()).isEqualTo(NA_TONG);
        assertThat(ids(side.tree(null, AFTER).roots().get(0).children())).containsExactly(NA_TONG);
    }

    @Test
    void backDatedReparentingSlotsIntoTheParentHistory() {
        side.feed(province(PROVINCE, "Đảng bộ tỉnh Điện Biên"), commune(NA_TONG, PROVINCE, "Đảng bộ xã Na Tông"),
                commune(MUONG_PHANG, PROVINCE, "Đảng bộ xã Mường Phăng"),
                cell("ban-pa", NA_TONG, "Chi bộ bản Pá", CellType.VILLAGE),
                reparented("ban-pa", NA_TONG, PROVINCE, LocalDate.of(2024, 1, 1)),
                reparented("ban-pa", NA_TONG, MUONG_PHANG, LocalDate.of(2022, 1, 1)));

        assertThat(side.organization("ban-pa", LocalDate.of(2021, 12, 31)).parentId()).isEqualTo(NA_TONG);
        assertThat(side.organization("ban-pa", LocalDate.of(2023, 6, 1)).parentId()).isEqualTo(MUONG_PHANG);
        assertThat(side.organization("ban-pa", LocalDate.of(2024, 1, 1)).parentId()).isEqualTo(PROVINCE);
    }

    @Test
    void redeliveredReparentingIsAppliedOnce() {
        side.feed(province(PROVINCE, "Đảng bộ tỉnh Điện Biên"), commune(NA_TONG, PROVINCE, "Đảng bộ xã Na Tông"),
                commune(MUONG_PHANG, PROVINCE, "Đảng bộ xã Mường Phăng"),
                cell("ban-pa", NA_TONG, "Chi bộ bản Pá", CellType.VILLAGE),
                reparented("ban-pa", NA_TONG, MUONG_PHANG, LocalDate.of(2022, 1, 1)));
        List<Map<String, Object>> before = db.rows("org_tree_parent_period", "id");

        side.redeliver((int) side.position());

        assertThat(db.rows("org_tree_parent_period", "id")).isEqualTo(before).hasSize(5);
    }

    @Test
    void organisationIsNotInTheTreeBeforeItWasEstablished() {
        side.feed(province(PROVINCE, "Đảng bộ tỉnh Điện Biên"), commune(NA_TONG, PROVINCE, "Đảng bộ xã Na Tông"),
                cell("ban-moi", NA_TONG, "Chi bộ bản Mới", CellType.VILLAGE, LocalDate.of(2024, 5, 1)));

        assertThat(ids(find(side.tree(null, LocalDate.of(2024, 4, 30)), NA_TONG).orElseThrow().children())).isEmpty();
        assertThat(ids(find(side.tree(null, LocalDate.of(2024, 5, 1)), NA_TONG).orElseThrow().children()))
                .containsExactly("ban-moi");
    }

    @Test
    void officersAreListedOnlyWithinTheirPeriodWithTheirNames() {
        side.feed(province(PROVINCE, "Đảng bộ tỉnh Điện Biên"), commune(NA_TONG, PROVINCE, "Đảng bộ xã Na Tông"),
                cell("na-tong-1", NA_TONG, "Chi bộ bản Na Tông 1", CellType.VILLAGE));
        side.feed(officialMember("lo-thi-a", "na-tong-1", "Lò Thị A", ADMITTED));
        side.feed(officialMember("quang-van-b", "na-tong-1", "Quàng Văn B", ADMITTED));
        side.feed(new OfficerAssigned("na-tong-1", "quang-van-b", OfficerRole.DEPUTY_SECRETARY,
                        LocalDate.of(2020, 1, 1), null),
                new OfficerAssigned("na-tong-1", "lo-thi-a", OfficerRole.SECRETARY, LocalDate.of(2020, 1, 1), null),
                new OfficerRemoved("na-tong-1", "quang-van-b", OfficerRole.DEPUTY_SECRETARY, LocalDate.of(2023, 1, 1)));

        List<OrganizationView.Officer> in2021 = side.organization("na-tong-1", LocalDate.of(2021, 6, 1)).officers();
        List<OrganizationView.Officer> in2023 = side.organization("na-tong-1", LocalDate.of(2023, 1, 1)).officers();

        assertThat(in2021).containsExactly(
                new OrganizationView.Officer("lo-thi-a", "Lò Thị A", OfficerRole.SECRETARY, LocalDate.of(2020, 1, 1), null),
                new OrganizationView.Officer("quang-van-b", "Quàng Văn B", OfficerRole.DEPUTY_SECRETARY,
                        LocalDate.of(2020, 1, 1), LocalDate.of(2023, 1, 1)));
        assertThat(in2023).extracting(OrganizationView.Officer::memberId).containsExactly("lo-thi-a");
    }

    @Test
    void liaisonIsListedOnlyWhileAssigned() {
        side.feed(province(PROVINCE, "Đảng bộ tỉnh Điện Biên"), commune(NA_TONG, PROVINCE, "Đảng bộ xã Na Tông"),
                cell("na-tong-1", NA_TONG, "Chi bộ bản Na Tông 1", CellType.VILLAGE),
                new LiaisonAssigned("na-tong-1", "cap-uy-vien", NA_TONG, new VisitQuota(1, VisitQuota.Period.QUARTER),
                        LocalDate.of(2021, 1, 1)),
                new LiaisonEnded("na-tong-1", "cap-uy-vien", LocalDate.of(2024, 1, 1)));

        assertThat(side.organization("na-tong-1", LocalDate.of(2023, 12, 31)).liaisons()).containsExactly(
                new OrganizationView.Liaison("cap-uy-vien", NA_TONG, new VisitQuota(1, VisitQuota.Period.QUARTER),
                        LocalDate.of(2021, 1, 1), LocalDate.of(2024, 1, 1)));
        assertThat(side.organization("na-tong-1", LocalDate.of(2024, 1, 1)).liaisons()).isEmpty();
        assertThat(side.organization("na-tong-1", LocalDate.of(2020, 12, 31)).liaisons()).isEmpty();
    }

    @Test
    void meetingDayInForceIsTheLatestVersionOnTheDate() {
        side.feed(province(PROVINCE, "Đảng bộ tỉnh Sơn La"), commune("van-ho", PROVINCE, "Đảng bộ xã Vân Hồ"),
                cell("sao-do-2", "van-ho", "Chi bộ tiểu khu Sao Đỏ 2", CellType.URBAN_QUARTER),
                new RegularMeetingDaySet("sao-do-2", 24, 22, LocalDate.of(2019, 1, 1)),
                new RegularMeetingDaySet("sao-do-2", 25, null, LocalDate.of(2024, 1, 1)));

        OrganizationView in2018 = side.organization("sao-do-2", LocalDate.of(2018, 12, 31));
        OrganizationView in2023 = side.organization("sao-do-2", LocalDate.of(2023, 12, 31));
        OrganizationView in2024 = side.organization("sao-do-2", LocalDate.of(2024, 1, 1));

        assertThat(in2018.meetingDay()).isNull();
        assertThat(List.of(in2023.meetingDay(), in2023.committeePrepDay())).containsExactly(24, 22);
        assertThat(in2024.meetingDay()).isEqualTo(25);
        assertThat(in2024.committeePrepDay()).isNull();
    }

    @Test
    void naTongCommuneSubtreeCountsAreTheSumOverItsSixteenCells() {
        feedNaTong();

        OrganizationTree tree = side.tree(null, LocalDate.of(2025, 6, 30));
        Node commune = find(tree, NA_TONG).orElseThrow();
        RollCounts sumOverCells = commune.children().stream().map(Node::counts).reduce(RollCounts.ZERO, RollCounts::plus);

        assertThat(commune.children()).hasSize(16);
        assertThat(commune.children().stream().filter(c -> c.cellType() == CellType.VILLAGE)).hasSize(11);
        assertThat(commune.children().stream().filter(c -> c.cellType() == CellType.SCHOOL)).hasSize(4);
        assertThat(commune.children().stream().filter(c -> c.cellType() == CellType.HEALTH_STATION)).hasSize(1);
        assertThat(commune.subtreeCounts()).isEqualTo(sumOverCells.plus(commune.counts()));
        assertThat(commune.subtreeCounts().onRoll()).isEqualTo(137);
        assertThat(find(tree, "na-tong-01").orElseThrow().counts().onRoll()).isEqualTo(17);
        assertThat(tree.roots().get(0).subtreeCounts()).isEqualTo(commune.subtreeCounts());
    }

    @Test
    void naTongCountsSplitOfficialFromProbationary() {
        feedNaTong();

        RollCounts counts = find(side.tree(null, LocalDate.of(2025, 6, 30)), NA_TONG).orElseThrow().subtreeCounts();

        // members 2, 5, 8... of each cell were admitted in January 2025: 5 in Na Tông 1, 2 in each other cell
        assertThat(counts.probationary()).isEqualTo(5 + 15 * 2);
        assertThat(counts.official()).isEqualTo(137 - counts.probationary());
    }

    @Test
    void treeFromARootListsOnlyItsSubtree() {
        feedReorganisation();

        OrganizationTree tree = side.tree(NA_TONG, AFTER);

        assertThat(ids(tree.roots())).containsExactly(NA_TONG);
        assertThat(ids(tree.roots().get(0).children())).containsExactly("na-tong-1");
        assertThat(tree.roots().get(0).subtreeCounts().official()).isEqualTo(3);
    }

    @Test
    void unknownOrganisationIsNotFound() {
        side.feed(province(PROVINCE, "Đảng bộ tỉnh Điện Biên"));

        assertThatThrownBy(() -> side.organization("nowhere", BEFORE))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("nowhere");
        assertThatThrownBy(() -> side.tree("nowhere", BEFORE)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> side.roll("nowhere", BEFORE)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void treeWithoutDateIsAsOfTodayInVietnam() {
        feedReorganisation();
        // 00:30 on 2 July in Hà Nội is still 1 July in UTC
        Clock clock = Clock.fixed(Instant.parse("2025-07-01T17:30:00Z"), ZoneOffset.UTC);

        OrganizationTree tree = new OrganizationQueries(db.jdbc(), clock).handle(new FindOrganizationTree(null, null));

        assertThat(tree.asOf()).isEqualTo(AFTER);
        assertThat(find(tree, DISTRICT)).isEmpty();
    }

    @Test
    void answersCarryTheLowerPositionOfTheTwoProjections() {
        side.feed(province(PROVINCE, "Đảng bộ tỉnh Điện Biên"), commune(NA_TONG, PROVINCE, "Đảng bộ xã Na Tông"));
        side.feed(officialMember("lo-thi-a", NA_TONG, "Lò Thị A", ADMITTED));
        assertThat(side.tree(null, BEFORE).provenance()).usingRecursiveComparison().ignoringFields("updatedAt")
                .isEqualTo(new Provenance(OrganizationTreeProjection.NAME, OrganizationTreeProjection.VERSION, 2, null)
                        .at(BEFORE, null));

        side.feed(cell("na-tong-1", NA_TONG, "Chi bộ bản Na Tông 1", CellType.VILLAGE));

        assertThat(side.organization(NA_TONG, BEFORE).provenance().position()).isEqualTo(5);
    }

    @Test
    void everyRowRecordsTheLastEventThatWroteIt() {
        feedReorganisation();

        long reparentPosition = db.jdbc().queryForObject("""
                select max(last_position) from org_tree_parent_period where organization_id = :org""",
                Map.of("org", NA_TONG), Long.class);
        long districtPosition = db.jdbc().queryForObject("""
                select last_position from org_tree_organization where organization_id = :org""",
                Map.of("org", DISTRICT), Long.class);

        assertThat(districtPosition).isEqualTo(side.position());
        assertThat(reparentPosition).isEqualTo(side.position() - 2);
    }

    @Test
    void replayRebuildsTheSameTree() {
        feedReorganisation();
        side.feed(new OfficerAssigned("na-tong-1", "m-0", OfficerRole.SECRETARY, LocalDate.of(2020, 1, 1), null),
                new OfficerRemoved("na-tong-1", "m-0", OfficerRole.SECRETARY, LocalDate.of(2024, 1, 1)),
                new LiaisonAssigned("na-tong-1", "cap-uy-vien", NA_TONG, new VisitQuota(6, VisitQuota.Period.YEAR),
                        LocalDate.of(2021, 1, 1)),
                new RegularMeetingDaySet("na-tong-1", 24, 22, LocalDate.of(2019, 1, 1)));
        List<Object> live = snapshot();

        side.replay();

        assertThat(snapshot()).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*updatedAt").isEqualTo(live);
    }

    @Test
    void resetEmptiesOnlyTheTreeTables() {
        feedReorganisation();

        new OrganizationTreeProjection(db.jdbc()).reset();

        for (String table : List.of("org_tree_organization", "org_tree_parent_period", "org_tree_officer_period",
                "org_tree_liaison_period", "org_tree_meeting_day")) {
            assertThat(db.count(table)).as(table).isZero();
        }
        assertThat(db.count("member_roll_period")).isPositive();
        assertThat(db.jdbc().queryForList("select projection from projection_position", Map.of(), String.class))
                .containsExactly("member-roll");
    }

    private List<Object> snapshot() {
        List<Object> all = new ArrayList<>();
        for (LocalDate d : List.of(BEFORE, REORGANISED, AFTER, LocalDate.of(2021, 6, 1))) {
            all.add(side.tree(null, d));
            for (String id : List.of(PROVINCE, DISTRICT, NA_TONG, MUONG_PHANG, "na-tong-1")) {
                all.add(side.organization(id, d));
            }
        }
        for (String table : List.of("org_tree_organization", "org_tree_officer_period", "org_tree_liaison_period",
                "org_tree_meeting_day")) {
            all.add(db.rows(table, null));
        }
        all.add(db.jdbc().queryForList("select projection, position from projection_position order by projection", Map.of()));
        all.add(db.rows("org_tree_parent_period", "id"));
        return all;
    }

    private void feedReorganisation() {
        side.feed(province(PROVINCE, "Đảng bộ tỉnh Điện Biên"),
                district(DISTRICT, PROVINCE, "Đảng bộ huyện Điện Biên Đông"),
                commune(NA_TONG, DISTRICT, "Đảng bộ xã Na Tông"),
                commune(MUONG_PHANG, DISTRICT, "Đảng bộ xã Mường Phăng"),
                cell("na-tong-1", NA_TONG, "Chi bộ bản Na Tông 1", CellType.VILLAGE),
                cell("muong-phang-1", MUONG_PHANG, "Chi bộ bản Mường Phăng 1", CellType.VILLAGE));
        for (int i = 0; i < 5; i++) {
            side.feed(officialMember("m-" + i, i < 3 ? "na-tong-1" : "muong-phang-1", "Đảng viên " + i, ADMITTED));
        }
        side.feed(reparented(NA_TONG, DISTRICT, PROVINCE, REORGANISED),
                reparented(MUONG_PHANG, DISTRICT, PROVINCE, REORGANISED),
                dissolved(DISTRICT, REORGANISED));
    }

    /** AE4: Na Tông, 16 cells (11 village, 4 school, 1 health station), 137 members, Na Tông 1 with 17. */
    private void feedNaTong() {
        side.feed(province(PROVINCE, "Đảng bộ tỉnh Điện Biên"), commune(NA_TONG, PROVINCE, "Đảng bộ xã Na Tông"));
        for (int c = 1; c <= 16; c++) {
            String id = "na-tong-%02d".formatted(c);
            CellType type = c <= 11 ? CellType.VILLAGE : c <= 15 ? CellType.SCHOOL : CellType.HEALTH_STATION;
            String name = switch (type) {
                case VILLAGE -> "Chi bộ bản Na Tông " + c;
                case SCHOOL -> "Chi bộ trường " + c;
                default -> "Chi bộ trạm y tế";
            };
            side.feed(cell(id, NA_TONG, name, type));
            int members = c == 1 ? 17 : 8;
            for (int m = 0; m < members; m++) {
                String member = id + "-m" + m;
                side.feed(m % 3 == 2
                        ? probationaryMember(member, id, "Đảng viên " + member, LocalDate.of(2025, 1, 10))
                        : officialMember(member, id, "Đảng viên " + member, ADMITTED));
            }
        }
    }

    private static List<String> ids(List<Node> nodes) {
        return nodes.stream().map(Node::organizationId).toList();
    }

    private static Optional<Node> find(OrganizationTree tree, String id) {
        return tree.roots().stream().flatMap(OrganizationTreeProjectionTest::flatten)
                .filter(n -> n.organizationId().equals(id)).findFirst();
    }

    private static Stream<Node> flatten(Node node) {
        return Stream.concat(Stream.of(node), node.children().stream().flatMap(OrganizationTreeProjectionTest::flatten));
    }
}
