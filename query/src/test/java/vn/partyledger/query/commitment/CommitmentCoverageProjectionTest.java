package vn.partyledger.query.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.query.organization.OrganizationFixture.cell;
import static vn.partyledger.query.organization.OrganizationFixture.commune;
import static vn.partyledger.query.organization.OrganizationFixture.province;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.commitment.CommitmentBreachNoted;
import vn.partyledger.api.commitment.CommitmentCoverage;
import vn.partyledger.api.commitment.CommitmentReviewed;
import vn.partyledger.api.commitment.CommitmentSections;
import vn.partyledger.api.commitment.CommitmentSelfAssessed;
import vn.partyledger.api.commitment.CommitmentSubmitted;
import vn.partyledger.api.commitment.FindCommitmentCoverage;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.query.EventFeed;
import vn.partyledger.query.ReadModelDatabase;
import vn.partyledger.query.member.MemberFixture;

class CommitmentCoverageProjectionTest {

    static final String PROVINCE = "province-dien-bien";
    static final String COMMUNE = "commune-na-tong";
    static final String VILLAGE = "cell-na-tong-1";
    static final String SCHOOL = "cell-school";
    static final CommitmentSections SECTIONS = new CommitmentSections("a", "b", "c", "d", "e", "f");
    static final Clock LATER = Clock.fixed(Instant.parse("2021-03-01T03:00:00Z"), ZoneOffset.UTC);

    private static ReadModelDatabase db;
    private EventFeed side;

    @BeforeAll
    static void start() {
        db = ReadModelDatabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void clean() {
        db.clean();
        side = new EventFeed(db, new CommitmentCoverageProjection(db.jdbc(), LATER));
    }

    static CommitmentSubmitted submitted(String member, String cell) {
        return new CommitmentSubmitted(member + ":2020", cell, member, 2020, SECTIONS, LocalDate.of(2020, 1, 20));
    }

    /** Na Tông 1 with 17 members who all pledge, and a school cell of 5 of whom 4 pledge and one is fully exempt. */
    private void naTong() {
        side.feed(province(PROVINCE, "Điện Biên"), commune(COMMUNE, PROVINCE, "Nà Tông"),
                cell(VILLAGE, COMMUNE, "Nà Tông 1", CellType.VILLAGE),
                cell(SCHOOL, COMMUNE, "Trường THCS Nà Tông", CellType.SCHOOL));
        for (int i = 1; i <= 17; i++) {
            side.feed(MemberFixture.officialMember("v-" + i, VILLAGE, "Thôn " + i, LocalDate.of(2005, 1, 10)));
            side.feed(submitted("v-" + i, VILLAGE));
        }
        for (int i = 1; i <= 5; i++) {
            side.feed(MemberFixture.officialMember("s-" + i, SCHOOL, "Trường " + i, LocalDate.of(2008, 1, 10)));
        }
        side.feed(MemberFixture.fullyExempted("s-5", SCHOOL, LocalDate.of(2019, 6, 1)));
        side.feed(submitted("s-1", SCHOOL), submitted("s-2", SCHOOL), submitted("s-3", SCHOOL));
        side.feed(new CommitmentReviewed("v-1:2020", VILLAGE, "v-1", 2020, null, LocalDate.of(2020, 1, 25)),
                new CommitmentReviewed("s-1:2020", SCHOOL, "s-1", 2020, null, LocalDate.of(2020, 1, 25)),
                new CommitmentSelfAssessed("v-1:2020", VILLAGE, "v-1", 2020, true, "kept", LocalDate.of(2020, 12, 10)),
                new CommitmentBreachNoted("s-2:2020", SCHOOL, "s-2", 2020, "meeting-5", "absent twice",
                        LocalDate.of(2020, 5, 24)));
    }

    @Test
    void cellWhereEveryMemberPledgedShowsFullCoverage() {
        naTong();

        CommitmentCoverage village = side.query(new FindCommitmentCoverage(VILLAGE, 2020), CommitmentCoverage.class);

        assertThat(village.asOf()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(village.counts()).isEqualTo(CommitmentCoverage.Counts.of(17, 17, 1, 1, 0));
        assertThat(village.counts().allSubmitted()).isTrue();
    }

    @Test
    void communeRollsUpItsCellsAndLeavesOutExemptMembers() {
        naTong();

        CommitmentCoverage commune = side.query(new FindCommitmentCoverage(COMMUNE, 2020), CommitmentCoverage.class);

        assertThat(commune.counts()).isEqualTo(CommitmentCoverage.Counts.of(21, 20, 2, 1, 1));
        assertThat(commune.counts().allSubmitted()).isFalse();
        assertThat(commune.items()).extracting(CommitmentCoverage.Cell::organizationId)
                .containsExactly(VILLAGE, SCHOOL);
        assertThat(commune.items().get(1).counts()).isEqualTo(CommitmentCoverage.Counts.of(4, 3, 1, 0, 1));
    }

    @Test
    void cellsComeInPagesWhileTheCountsCoverTheWholeSubtree() {
        naTong();

        CommitmentCoverage first = side.query(new FindCommitmentCoverage(COMMUNE, 2020, 0, 1), CommitmentCoverage.class);
        CommitmentCoverage second = side.query(new FindCommitmentCoverage(COMMUNE, 2020, 1, 1), CommitmentCoverage.class);
        CommitmentCoverage beyond = side.query(new FindCommitmentCoverage(COMMUNE, 2020, 2, 1), CommitmentCoverage.class);

        assertThat(first.items()).extracting(CommitmentCoverage.Cell::organizationId).containsExactly(VILLAGE);
        assertThat(second.items()).extracting(CommitmentCoverage.Cell::organizationId).containsExactly(SCHOOL);
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first, second, beyond)).allSatisfy(page -> {
            assertThat(page.total()).isEqualTo(2);
            assertThat(page.size()).isEqualTo(1);
            assertThat(page.counts()).isEqualTo(CommitmentCoverage.Counts.of(21, 20, 2, 1, 1));
        });
        assertThat(second.page()).isEqualTo(1);
    }

    @Test
    void anotherYearHasNoPledgesYet() {
        naTong();

        CommitmentCoverage next = side.query(new FindCommitmentCoverage(COMMUNE, 2021), CommitmentCoverage.class);

        assertThat(next.asOf()).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(next.counts()).isEqualTo(CommitmentCoverage.Counts.of(21, 0, 0, 0, 0));
    }

    @Test
    void replayAndRedeliveryRebuildTheSameRecords() {
        naTong();
        List<List<Map<String, Object>>> before = tables();
        side.redeliver(4 + 17 * 4 + 5 * 3 + 1 + 3 + 4);
        assertThat(tables()).isEqualTo(before);

        side.replay();

        assertThat(tables()).isEqualTo(before);
    }

    private List<List<Map<String, Object>>> tables() {
        List<List<Map<String, Object>>> all = new ArrayList<>();
        all.add(db.rows("commitment_record", null));
        all.add(db.rows("commitment_breach", null));
        all.add(db.jdbc().queryForList(
                "select projection, position from projection_position where projection = 'commitment-coverage'", Map.of()));
        return all;
    }
}
