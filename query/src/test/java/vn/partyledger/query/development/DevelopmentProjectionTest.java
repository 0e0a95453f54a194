package vn.partyledger.query.development;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.query.organization.OrganizationFixture.cell;
import static vn.partyledger.query.organization.OrganizationFixture.commune;
import static vn.partyledger.query.organization.OrganizationFixture.district;
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
import vn.partyledger.api.development.AdmissionQuotaSet;
import vn.partyledger.api.development.DevelopmentVsQuota;
import vn.partyledger.api.development.FindDevelopment;
import vn.partyledger.api.member.AwarenessCourseCompleted;
import vn.partyledger.api.member.MemberAdmitted;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.query.EventFeed;
import vn.partyledger.query.ReadModelDatabase;
import vn.partyledger.query.member.MemberFixture;

class DevelopmentProjectionTest {

    static final String PROVINCE = "province-son-la";
    static final String DISTRICT = "district-van-ho";
    static final String[] COMMUNES = {"commune-van-ho", "commune-lien-hoa"};
    static final String[][] CELLS = {{"cell-sao-do-1", "cell-sao-do-2"}, {"cell-lien-hoa-1", "cell-lien-hoa-2"}};
    static final Clock NOW = Clock.fixed(Instant.parse("2023-06-01T03:00:00Z"), ZoneOffset.UTC);

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
        side = new EventFeed(db, new DevelopmentProjection(db.jdbc(), NOW));
    }

    private void vanHoTree() {
        side.feed(province(PROVINCE, "Sơn La"), district(DISTRICT, PROVINCE, "Vân Hồ"));
        for (int c = 0; c < COMMUNES.length; c++) {
            side.feed(commune(COMMUNES[c], DISTRICT, "Xã " + c));
            for (String cell : CELLS[c]) {
                side.feed(cell(cell, COMMUNES[c], cell, CellType.VILLAGE));
            }
        }
    }

    /** {@code n} candidates registered, certified and admitted in the year, spread over the four cells in turn. */
    private void admit(int year, int n) {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String cell = CELLS[i % 2][(i / 2) % 2];
            String id = "m-" + year + "-" + i;
            LocalDate decided = LocalDate.of(year, 1 + i % 12, 5);
            events.add(MemberFixture.registered(id, cell, "Người " + i, decided.minusMonths(10)));
            events.add(new AwarenessCourseCompleted(id, cell, "GCN " + id, decided.minusMonths(2)));
            events.add(MemberFixture.admitted(id, cell, decided));
        }
        side.feed(events);
    }

    @Test
    void vanHoAdmittedOneHundredEightySevenIn2021AndOneHundredSixIn2022() {
        vanHoTree();
        side.feed(new AdmissionQuotaSet("quota:" + DISTRICT + ":2021", DISTRICT, 2021, 180, LocalDate.of(2021, 1, 10)),
                new AdmissionQuotaSet("quota:" + COMMUNES[0] + ":2021", COMMUNES[0], 2021, 90, LocalDate.of(2021, 1, 20)),
                new AdmissionQuotaSet("quota:" + COMMUNES[1] + ":2021", COMMUNES[1], 2021, 90, LocalDate.of(2021, 1, 20)));
        admit(2021, 187);
        admit(2022, 106);

        DevelopmentVsQuota y2021 = side.query(new FindDevelopment(DISTRICT, 2021, null), DevelopmentVsQuota.class);
        DevelopmentVsQuota y2022 = side.query(new FindDevelopment(DISTRICT, 2022, null), DevelopmentVsQuota.class);
        DevelopmentVsQuota commune = side.query(new FindDevelopment(COMMUNES[0], 2021, null), DevelopmentVsQuota.class);

        assertThat(y2021.quota()).isEqualTo(180);
        assertThat(y2021.subordinateQuotas()).isEqualTo(180);
        assertThat(y2021.figures().admissions()).isEqualTo(187);
        assertThat(y2021.children()).extracting(c -> c.figures().admissions()).containsExactlyInAnyOrder(94, 93);
        assertThat(y2021.children()).extracting(DevelopmentVsQuota.Child::quota).containsOnly(90);
        assertThat(y2022.figures().admissions()).isEqualTo(106);
        assertThat(y2022.quota()).isNull();
        assertThat(commune.figures().admissions()).isEqualTo(94);
        assertThat(commune.children()).extracting(c -> c.figures().admissions()).containsExactlyInAnyOrder(47, 47);
        assertThat(commune.quota()).isEqualTo(90);
    }

    @Test
    void pipelineFiguresCountByTheirOwnDates() {
        vanHoTree();
        admit(2021, 12);

        DevelopmentVsQuota y2020 = side.query(new FindDevelopment(DISTRICT, 2020, null), DevelopmentVsQuota.class);
        DevelopmentVsQuota y2021 = side.query(new FindDevelopment(DISTRICT, 2021, null), DevelopmentVsQuota.class);

        // registered ten months and certified two months before a decision on the 5th of each month of 2021
        assertThat(y2020.figures().candidatesRegistered()).isEqualTo(10);
        assertThat(y2020.figures().courseCompletions()).isEqualTo(2);
        assertThat(y2020.figures().admissions()).isZero();
        assertThat(y2021.figures().candidatesRegistered()).isEqualTo(2);
        assertThat(y2021.figures().courseCompletions()).isEqualTo(10);
        assertThat(y2021.figures().admissions()).isEqualTo(12);
    }

    @Test
    void probationaryMembersUnrecognisedThirtyWorkingDaysAfterProbationAreOverdue() {
        vanHoTree();
        String cell = CELLS[0][0];
        // ceremony 19/1/2021, probation ends 19/1/2022; 30 working days later is 2/3/2022
        MemberAdmitted late = MemberFixture.admitted("late", cell, LocalDate.of(2021, 1, 5));
        MemberAdmitted recognised = MemberFixture.admitted("recognised", cell, LocalDate.of(2021, 1, 5));
        MemberAdmitted removed = MemberFixture.admitted("removed", cell, LocalDate.of(2021, 1, 5));
        side.feed(MemberFixture.registered("late", cell, "Lò Văn Muộn", LocalDate.of(2020, 3, 1)), late,
                MemberFixture.registered("recognised", cell, "Hà Thị Đúng", LocalDate.of(2020, 3, 1)), recognised,
                MemberFixture.madeOfficial("recognised", cell, recognised.probationEndsOn()),
                MemberFixture.registered("removed", cell, "Cầm Văn Hỏng", LocalDate.of(2020, 3, 1)), removed,
                MemberFixture.probationEnded("removed", cell, LocalDate.of(2022, 2, 1)));

        DevelopmentVsQuota onTime = side.query(new FindDevelopment(DISTRICT, 2022, LocalDate.of(2022, 3, 2)),
                DevelopmentVsQuota.class);
        DevelopmentVsQuota overdue = side.query(new FindDevelopment(DISTRICT, 2022, LocalDate.of(2022, 3, 3)),
                DevelopmentVsQuota.class);
        DevelopmentVsQuota yearEnd = side.query(new FindDevelopment(COMMUNES[0], 2022, null), DevelopmentVsQuota.class);

        assertThat(onTime.figures().overdueRecognitions()).isZero();
        assertThat(overdue.figures().overdueRecognitions()).isEqualTo(1);
        assertThat(overdue.overdueRecognitions()).singleElement().satisfies(o -> {
            assertThat(o.memberId()).isEqualTo("late");
            assertThat(o.fullName()).isEqualTo("Lò Văn Muộn");
            assertThat(o.probationEndedOn()).isEqualTo(LocalDate.of(2022, 1, 19));
            assertThat(o.workingDaysSince()).isEqualTo(31);
        });
        assertThat(yearEnd.asOf()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(yearEnd.figures().officialRecognitions()).isEqualTo(1);
        assertThat(yearEnd.figures().overdueRecognitions()).isEqualTo(1);
    }

    @Test
    void replayAndRedeliveryRebuildTheSameFigures() {
        vanHoTree();
        side.feed(new AdmissionQuotaSet("quota:" + DISTRICT + ":2021", DISTRICT, 2021, 180, LocalDate.of(2021, 1, 10)));
        admit(2021, 8);
        side.feed(MemberFixture.madeOfficial("m-2021-0", CELLS[0][0], LocalDate.of(2022, 1, 19)));
        List<List<Map<String, Object>>> before = tables();
        side.redeliver(8 + 1 + 8 * 3 + 1);
        side.redeliver(12);
        assertThat(tables()).isEqualTo(before);

        side.replay();

        assertThat(tables()).isEqualTo(before);
    }

    private List<List<Map<String, Object>>> tables() {
        List<List<Map<String, Object>>> all = new ArrayList<>();
        all.add(db.rows("development_fact", null));
        all.add(db.rows("development_probation", null));
        all.add(db.rows("development_quota", null));
        all.add(db.jdbc().queryForList("select projection, position from projection_position where projection = 'development'", Map.of()));
        return all;
    }
}
