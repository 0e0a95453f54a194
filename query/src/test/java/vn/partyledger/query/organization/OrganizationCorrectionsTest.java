package vn.partyledger.query.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.query.member.MemberFixture.officialMember;
import static vn.partyledger.query.organization.OrganizationFixture.cell;
import static vn.partyledger.query.organization.OrganizationFixture.commune;
import static vn.partyledger.query.organization.OrganizationFixture.province;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.OrganizationFactsCorrected;
import vn.partyledger.api.organization.OrganizationTree.Node;
import vn.partyledger.query.QuerySide;
import vn.partyledger.query.ReadModelDatabase;

class OrganizationCorrectionsTest {

    private static final String NA_TONG = "na-tong";
    private static final String BAN_PA = "ban-pa";
    private static final LocalDate RECORDED_FOUNDING = LocalDate.of(2004, 5, 1);
    private static final LocalDate TRUE_FOUNDING = LocalDate.of(2006, 5, 1);

    private static ReadModelDatabase db;
    private QuerySide side;
    private OrganizationCorrections corrections;
    private long corrected;

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
        corrections = new OrganizationCorrections(db.jdbc());
        side.feed(province("dien-bien", "Đảng bộ tỉnh Điện Biên"), commune(NA_TONG, "dien-bien", "Đảng bộ xã Na Tông"),
                cell(BAN_PA, NA_TONG, "Chi bộ bản Pa", CellType.VILLAGE, RECORDED_FOUNDING),
                officialMember("a", BAN_PA, "Lò Văn A", LocalDate.of(2007, 3, 2)));
    }

    private void corrected(String name, CellType type, LocalDate founded, String recordedAt) {
        corrections.on(new OrganizationFactsCorrected(BAN_PA, name, type, founded, "event-of-founding"),
                new GlobalSequenceTrackingToken(side.position() + ++corrected), recordedAt);
    }

    @Test
    void theViewAndTheTreeShowTheCorrectedNameAndCellType() {
        corrected("Chi bộ bản Pá", CellType.SCHOOL, RECORDED_FOUNDING, "2026-11-20T03:00:00Z");

        LocalDate day = LocalDate.of(2020, 1, 1);
        assertThat(side.organization(BAN_PA, day).name()).isEqualTo("Chi bộ bản Pá");
        assertThat(side.organization(BAN_PA, day).cellType()).isEqualTo(CellType.SCHOOL);
        Node node = side.tree(NA_TONG, day).roots().get(0).children().get(0);
        assertThat(node.name()).isEqualTo("Chi bộ bản Pá");
        assertThat(node.cellType()).isEqualTo(CellType.SCHOOL);
    }

    @Test
    void aCorrectedFoundingDateMovesTheCellsPlaceInTheTreeAndItsParentPeriod() {
        LocalDate between = RECORDED_FOUNDING.plusYears(1);
        assertThat(side.tree(NA_TONG, between).roots().get(0).children()).extracting(Node::organizationId)
                .containsExactly(BAN_PA);

        corrected("Chi bộ bản Pa", CellType.VILLAGE, TRUE_FOUNDING, "2026-11-20T03:00:00Z");

        assertThat(side.tree(NA_TONG, between).roots().get(0).children()).isEmpty();
        assertThat(side.tree(NA_TONG, TRUE_FOUNDING).roots().get(0).children()).extracting(Node::organizationId)
                .containsExactly(BAN_PA);
        assertThat(side.organization(BAN_PA, TRUE_FOUNDING).establishedOn()).isEqualTo(TRUE_FOUNDING);
        assertThat(side.organization(BAN_PA, TRUE_FOUNDING).parentId()).isEqualTo(NA_TONG);
    }

    @Test
    void theLatestCorrectionWinsAndTheRecordedRowIsKept() {
        corrected("Chi bộ bản Pá", CellType.VILLAGE, RECORDED_FOUNDING, "2026-11-20T03:00:00Z");
        corrected("Chi bộ bản Pá Nậm", CellType.VILLAGE, RECORDED_FOUNDING, "2026-11-21T03:00:00Z");

        assertThat(side.organization(BAN_PA, LocalDate.of(2020, 1, 1)).name()).isEqualTo("Chi bộ bản Pá Nậm");
        assertThat(db.jdbc().getJdbcTemplate().queryForObject(
                "select name from org_tree_organization where organization_id = ?", String.class, BAN_PA))
                .isEqualTo("Chi bộ bản Pa");
        assertThat(db.count("org_tree_correction")).isEqualTo(2);
    }

    @Test
    void aResetEmptiesTheCorrections() {
        corrected("Chi bộ bản Pá", CellType.VILLAGE, RECORDED_FOUNDING, "2026-11-20T03:00:00Z");

        corrections.reset();

        assertThat(db.count("org_tree_correction")).isZero();
        assertThat(side.organization(BAN_PA, LocalDate.of(2020, 1, 1)).name()).isEqualTo("Chi bộ bản Pa");
    }
}
