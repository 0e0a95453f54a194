package vn.partyledger.query.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.partyledger.query.member.MemberFixture.admitted;
import static vn.partyledger.query.member.MemberFixture.deceased;
import static vn.partyledger.query.member.MemberFixture.fullExemptionEnded;
import static vn.partyledger.query.member.MemberFixture.fullyExempted;
import static vn.partyledger.query.member.MemberFixture.madeOfficial;
import static vn.partyledger.query.member.MemberFixture.officialMember;
import static vn.partyledger.query.member.MemberFixture.probationEnded;
import static vn.partyledger.query.member.MemberFixture.probationaryMember;
import static vn.partyledger.query.member.MemberFixture.registered;
import static vn.partyledger.query.member.MemberFixture.reinstated;
import static vn.partyledger.query.member.MemberFixture.rollRemoved;
import static vn.partyledger.query.member.MemberFixture.suspended;
import static vn.partyledger.query.member.MemberFixture.temporarilyExempted;
import static vn.partyledger.query.member.MemberFixture.temporaryExemptionEnded;
import static vn.partyledger.query.member.MemberFixture.temporaryTransferEnded;
import static vn.partyledger.query.member.MemberFixture.transferIssued;
import static vn.partyledger.query.member.MemberFixture.transferReceived;
import static vn.partyledger.query.organization.OrganizationFixture.cell;
import static vn.partyledger.query.organization.OrganizationFixture.commune;
import static vn.partyledger.query.organization.OrganizationFixture.province;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.member.AwarenessCourseCompleted;
import vn.partyledger.api.member.CandidateList;
import vn.partyledger.api.member.FindCandidates;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.ExistingMemberEnrolled;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.member.MemberView;
import vn.partyledger.api.member.TransferKind;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.RollCounts;
import vn.partyledger.api.organization.RollView;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.query.QuerySide;
import vn.partyledger.query.ReadModelDatabase;

class MemberRollProjectionTest {

    private static final String PROVINCE = "ha-giang";
    private static final String COMMUNE = "bac-me";
    private static final String HOME = "ban-lung";
    private static final String HOST = "ban-khuoi";
    private static final String MEMBER = "giang-a-su";
    private static final LocalDate ADMITTED = LocalDate.of(2018, 4, 2);
    private static final LocalDate EVENT_DAY = LocalDate.of(2024, 9, 2);

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
        side.feed(province(PROVINCE, "Đảng bộ tỉnh Hà Giang"), commune(COMMUNE, PROVINCE, "Đảng bộ xã Bắc Mê"),
                cell(HOME, COMMUNE, "Chi bộ thôn Bản Lùng", CellType.VILLAGE),
                cell(HOST, COMMUNE, "Chi bộ thôn Bản Khuổi", CellType.VILLAGE));
    }

    @Test
    void enrolledMemberIsOnTheRollFromTheOriginalAdmissionAndOfficialFromTheRecordedDate() {
        LocalDate admitted = LocalDate.of(1985, 3, 1);
        LocalDate official = LocalDate.of(1986, 3, 10);
        side.feed(new ExistingMemberEnrolled(MEMBER, HOME, "Giàng A Sử", LocalDate.of(1960, 1, 1), Gender.MALE, "Mông",
                EducationLevel.PRIMARY, admitted, admitted, official, null, "01-234", "sổ đảng viên", EVENT_DAY));

        assertThat(side.roll(HOME, admitted.minusDays(1)).items()).isEmpty();
        assertThat(side.roll(HOME, admitted).counts()).isEqualTo(counts(0, 1, 0, 0, 0, 0, 0));
        assertThat(side.roll(HOME, official).counts()).isEqualTo(counts(1, 0, 0, 0, 0, 0, 0));
        MemberView view = side.member(MEMBER);
        assertThat(view.status()).isEqualTo(MemberStatus.OFFICIAL);
        assertThat(view.admittedOn()).isEqualTo(admitted);
        assertThat(view.officialOn()).isEqualTo(official);
    }

    @Test
    void candidateIsNotOnTheRoll() {
        side.feed(registered(MEMBER, HOME, "Giàng A Sử", LocalDate.of(2024, 1, 5)));

        assertThat(side.roll(HOME, LocalDate.of(2024, 6, 1)).items()).isEmpty();
        assertThat(side.roll(HOME, LocalDate.of(2024, 6, 1)).counts()).isEqualTo(RollCounts.ZERO);
        assertThat(side.member(MEMBER).status()).isEqualTo(MemberStatus.CANDIDATE);
    }

    @Test
    void theCandidatesOfACellAreListedByNameWithTheirCourseUntilTheyAreAdmitted() {
        side.feed(registered("lo-thi-mai", HOME, "Lò Thị Mai", LocalDate.of(2024, 1, 5)),
                registered("ca-van-an", HOME, "Cà Văn An", LocalDate.of(2024, 2, 5)),
                registered("vi-van-binh", HOST, "Vì Văn Bình", LocalDate.of(2024, 2, 5)),
                new AwarenessCourseCompleted("lo-thi-mai", HOME, "NT-2024-17", LocalDate.of(2024, 3, 1)));

        CandidateList before = side.query(new FindCandidates(HOME), CandidateList.class);
        assertThat(before.items()).extracting(MemberView::fullName).containsExactly("Cà Văn An", "Lò Thị Mai");
        assertThat(before.items()).extracting(MemberView::awarenessCertificateNo).containsExactly(null, "NT-2024-17");
        assertThat(before.provenance().position()).isEqualTo(side.position());

        side.feed(admitted("lo-thi-mai", HOME, LocalDate.of(2024, 6, 1)));

        assertThat(side.query(new FindCandidates(HOME), CandidateList.class).items())
                .extracting(MemberView::memberId).containsExactly("ca-van-an");
        assertThat(side.query(new FindCandidates(HOST), CandidateList.class).items())
                .extracting(MemberView::memberId).containsExactly("vi-van-binh");
    }

    @Test
    void rollAsOfADateBeforeTheAdmissionDoesNotContainTheMember() {
        side.feed(probationaryMember(MEMBER, HOME, "Giàng A Sử", ADMITTED));

        assertThat(side.roll(HOME, ADMITTED.minusDays(1)).items()).isEmpty();
        assertThat(side.roll(HOME, ADMITTED).items()).extracting(RollView.Entry::memberId).containsExactly(MEMBER);
    }

    @Test
    void memberIsProbationaryUntilTheEndOfProbationThenOfficial() {
        side.feed(officialMember(MEMBER, HOME, "Giàng A Sử", ADMITTED));
        LocalDate officialOn = side.member(MEMBER).officialOn();

        RollView probation = side.roll(HOME, officialOn.minusDays(1));
        RollView official = side.roll(HOME, officialOn);

        assertThat(probation.counts()).isEqualTo(counts(0, 1, 0, 0, 0, 0, 0));
        assertThat(probation.items().get(0).officialOn()).isNull();
        assertThat(official.counts()).isEqualTo(counts(1, 0, 0, 0, 0, 0, 0));
        assertThat(official.items().get(0).officialOn()).isEqualTo(officialOn);
    }

    @Test
    void lateRecognitionCountsFromTheEndOfProbationUnderLaterFacts() {
        var admission = admitted(MEMBER, HOME, ADMITTED);
        LocalDate probationEnds = admission.probationEndsOn();
        side.feed(registered(MEMBER, HOME, "Giàng A Sử", ADMITTED.minusYears(1)), admission,
                temporarilyExempted(MEMBER, HOME, probationEnds.plusDays(10), probationEnds.plusMonths(6)),
                madeOfficial(MEMBER, HOME, probationEnds));

        assertThat(side.roll(HOME, probationEnds.plusDays(5)).counts()).isEqualTo(counts(1, 0, 0, 0, 0, 0, 0));
        assertThat(side.roll(HOME, probationEnds.plusDays(20)).counts()).isEqualTo(counts(1, 0, 0, 1, 0, 0, 0));
        assertThat(side.roll(HOME, probationEnds.minusDays(1)).counts()).isEqualTo(counts(0, 1, 0, 0, 0, 0, 0));
    }

    @Test
    void exemptAndSuspendedMembersStayCountedAsOfficialOrProbationary() {
        side.feed(officialMember("a", HOME, "Lý Văn A", ADMITTED));
        side.feed(officialMember("b", HOME, "Lý Văn B", ADMITTED));
        side.feed(probationaryMember("c", HOME, "Lý Văn C", LocalDate.of(2024, 3, 1)));
        side.feed(fullyExempted("a", HOME, EVENT_DAY), temporarilyExempted("b", HOME, EVENT_DAY, EVENT_DAY.plusMonths(8)),
                suspended("c", HOME, EVENT_DAY));

        RollCounts on = side.roll(HOME, EVENT_DAY).counts();

        assertThat(on).isEqualTo(counts(2, 1, 1, 1, 1, 0, 0));
        assertThat(on.onRoll()).isEqualTo(3);
        assertThat(side.roll(HOME, EVENT_DAY.minusDays(1)).counts()).isEqualTo(counts(2, 1, 0, 0, 0, 0, 0));
    }

    @Test
    void endedExemptionsAndReinstatementStopBeingCounted() {
        side.feed(officialMember("a", HOME, "Lý Văn A", ADMITTED));
        side.feed(fullyExempted("a", HOME, EVENT_DAY), temporarilyExempted("a", HOME, EVENT_DAY, EVENT_DAY.plusMonths(6)),
                suspended("a", HOME, EVENT_DAY), fullExemptionEnded("a", HOME, EVENT_DAY.plusMonths(1)),
                temporaryExemptionEnded("a", HOME, EVENT_DAY.plusMonths(2)), reinstated("a", HOME, EVENT_DAY.plusMonths(3)));

        assertThat(side.roll(HOME, EVENT_DAY.plusMonths(1)).counts()).isEqualTo(counts(1, 0, 0, 1, 1, 0, 0));
        assertThat(side.roll(HOME, EVENT_DAY.plusMonths(3)).counts()).isEqualTo(counts(1, 0, 0, 0, 0, 0, 0));
        MemberView now = side.member("a");
        assertThat(List.of(now.fullyExempt(), now.temporarilyExempt(), now.suspended())).containsOnly(false);
    }

    @Test
    void temporarilyTransferredMemberCountsOutAtHomeAndAsGuestAtTheHost() {
        side.feed(officialMember(MEMBER, HOME, "Giàng A Sử", ADMITTED));
        side.feed(transferIssued(MEMBER, HOME, HOST, TransferKind.TEMPORARY, EVENT_DAY),
                transferReceived(MEMBER, HOST, HOME, TransferKind.TEMPORARY, EVENT_DAY.plusDays(3)));
        LocalDate away = EVENT_DAY.plusMonths(1);

        RollView home = side.roll(HOME, away);
        RollView host = side.roll(HOST, away);

        assertThat(home.counts()).isEqualTo(counts(1, 0, 0, 0, 0, 0, 1));
        assertThat(host.counts()).isEqualTo(counts(0, 0, 0, 0, 0, 1, 0));
        assertThat(host.counts().onRoll()).isZero();
        assertThat(host.items()).singleElement().satisfies(e -> {
            assertThat(e.temporarilyTransferredIn()).isTrue();
            assertThat(e.status()).isEqualTo(MemberStatus.OFFICIAL);
        });
        assertThat(home.subtreeCounts()).isEqualTo(home.counts());
        assertThat(side.roll(COMMUNE, away).subtreeCounts()).isEqualTo(counts(1, 0, 0, 0, 0, 1, 1));
        assertThat(side.member(MEMBER).hostOrganizationId()).isEqualTo(HOST);
    }

    @Test
    void temporaryTransferStartsAtTheHostsReceiptAndEndsWithTheReturn() {
        side.feed(officialMember(MEMBER, HOME, "Giàng A Sử", ADMITTED));
        side.feed(transferIssued(MEMBER, HOME, HOST, TransferKind.TEMPORARY, EVENT_DAY),
                transferReceived(MEMBER, HOST, HOME, TransferKind.TEMPORARY, EVENT_DAY.plusDays(3)),
                temporaryTransferEnded(MEMBER, HOME, HOST, EVENT_DAY.plusMonths(4)));

        assertThat(side.roll(HOME, EVENT_DAY.plusDays(1)).counts()).isEqualTo(counts(1, 0, 0, 0, 0, 0, 0));
        assertThat(side.roll(HOST, EVENT_DAY.plusDays(1)).items()).isEmpty();
        assertThat(side.roll(HOME, EVENT_DAY.plusMonths(4)).counts()).isEqualTo(counts(1, 0, 0, 0, 0, 0, 0));
        assertThat(side.roll(HOST, EVENT_DAY.plusMonths(4)).items()).isEmpty();
        assertThat(side.member(MEMBER).hostOrganizationId()).isNull();
    }

    @Test
    void temporaryTransferOutsideTheLedgerCountsOutFromTheReferral() {
        side.feed(officialMember(MEMBER, HOME, "Giàng A Sử", ADMITTED));
        side.feed(transferIssued(MEMBER, HOME, null, TransferKind.TEMPORARY, EVENT_DAY));

        assertThat(side.roll(HOME, EVENT_DAY).counts()).isEqualTo(counts(1, 0, 0, 0, 0, 0, 1));
    }

    @Test
    void pendingOfficialTransferIsCountedAtTheSendingOrganisationUntilReceived() {
        side.feed(officialMember(MEMBER, HOME, "Giàng A Sử", ADMITTED));
        LocalDate received = EVENT_DAY.plusDays(20);
        side.feed(transferIssued(MEMBER, HOME, HOST, TransferKind.OFFICIAL, EVENT_DAY),
                transferReceived(MEMBER, HOST, HOME, TransferKind.OFFICIAL, received));

        RollView pending = side.roll(HOME, received.minusDays(1));

        assertThat(pending.counts()).isEqualTo(counts(1, 0, 0, 0, 0, 0, 0));
        assertThat(pending.items().get(0).status()).isEqualTo(MemberStatus.TRANSFER_PENDING);
        assertThat(side.roll(HOST, received.minusDays(1)).items()).isEmpty();
        assertThat(side.roll(HOME, received).items()).isEmpty();
        assertThat(side.roll(HOST, received).counts()).isEqualTo(counts(1, 0, 0, 0, 0, 0, 0));
        assertThat(side.roll(COMMUNE, received.minusDays(1)).subtreeCounts().onRoll()).isEqualTo(1);
        assertThat(side.member(MEMBER).organizationId()).isEqualTo(HOST);
        assertThat(side.member(MEMBER).status()).isEqualTo(MemberStatus.OFFICIAL);
    }

    @Test
    void officialTransferOutOfTheLedgerEndsTheRollPeriod() {
        side.feed(officialMember(MEMBER, HOME, "Giàng A Sử", ADMITTED));
        side.feed(transferIssued(MEMBER, HOME, null, TransferKind.OFFICIAL, EVENT_DAY));

        assertThat(side.roll(HOME, EVENT_DAY.minusDays(1)).counts().onRoll()).isEqualTo(1);
        assertThat(side.roll(HOME, EVENT_DAY).counts().onRoll()).isZero();
        assertThat(side.member(MEMBER).status()).isEqualTo(MemberStatus.TRANSFERRED_OUT);
    }

    @Test
    void terminalStatusesEndTheRollPeriodOnTheirDate() {
        side.feed(officialMember("removed", HOME, "Vàng Văn Xóa", ADMITTED));
        side.feed(officialMember("died", HOME, "Vàng Văn Mất", ADMITTED));
        side.feed(probationaryMember("failed", HOME, "Vàng Văn Trượt", LocalDate.of(2023, 6, 1)));
        side.feed(rollRemoved("removed", HOME, EVENT_DAY), deceased("died", HOME, EVENT_DAY),
                probationEnded("failed", HOME, EVENT_DAY));

        assertThat(side.roll(HOME, EVENT_DAY.minusDays(1)).counts()).isEqualTo(counts(2, 1, 0, 0, 0, 0, 0));
        assertThat(side.roll(HOME, EVENT_DAY).counts()).isEqualTo(RollCounts.ZERO);
        assertThat(side.member("removed").status()).isEqualTo(MemberStatus.ROLL_REMOVED);
        assertThat(side.member("died").status()).isEqualTo(MemberStatus.DECEASED);
        assertThat(side.member("failed").status()).isEqualTo(MemberStatus.PROBATION_ENDED);
    }

    @Test
    void memberViewIsTheCurrentRecord() {
        var admission = admitted(MEMBER, HOME, ADMITTED);
        side.feed(registered(MEMBER, HOME, "Giàng A Sử", LocalDate.of(2017, 3, 1)),
                new AwarenessCourseCompleted(MEMBER, HOME, "GCN-0457", LocalDate.of(2017, 9, 20)), admission,
                madeOfficial(MEMBER, HOME, admission.probationEndsOn()),
                temporarilyExempted(MEMBER, HOME, EVENT_DAY, EVENT_DAY.plusMonths(6)));

        MemberView view = side.member(MEMBER);

        assertThat(view).usingRecursiveComparison().ignoringFields("provenance.updatedAt").isEqualTo(new MemberView(MEMBER, "Giàng A Sử", LocalDate.of(1990, 5, 17), Gender.FEMALE,
                "Thái", EducationLevel.UPPER_SECONDARY, HOME, MemberStatus.OFFICIAL, false, true,
                EVENT_DAY.plusMonths(6), false, null, ADMITTED, admission.ceremonyDate(), admission.probationEndsOn(),
                admission.probationEndsOn(), "GCN-0457", new Provenance("member-roll", 1, side.position(), null)));
        assertThat(view.provenance().updatedAt()).isNotNull();
    }

    @Test
    void unknownMemberIsNotFound() {
        assertThatThrownBy(() -> side.member("nobody"))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("nobody");
    }

    @Test
    void rollIsPagedInFullNameOrder() {
        for (String name : List.of("Sùng Thị Mai", "Hoàng Văn Bình", "Lò Văn Công", "Giàng Thị Dua", "Mùa A Páo")) {
            side.feed(officialMember(name.toLowerCase().replace(' ', '-'), HOME, name, ADMITTED));
        }

        RollView first = side.roll(HOME, EVENT_DAY, 0, 2);
        RollView last = side.roll(HOME, EVENT_DAY, 2, 2);

        assertThat(first.items()).extracting(RollView.Entry::fullName).containsExactly("Giàng Thị Dua", "Hoàng Văn Bình");
        assertThat(last.items()).extracting(RollView.Entry::fullName).containsExactly("Sùng Thị Mai");
        assertThat(List.of(first.total(), last.total())).containsOnly(5L);
        assertThat(first.counts().official()).isEqualTo(5);
        assertThat(first.provenance().projection()).isEqualTo("member-roll");
    }

    @Test
    void rollRefusesANegativePage() {
        assertThatThrownBy(() -> side.roll(HOME, EVENT_DAY, -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        side.feed(officialMember(MEMBER, HOME, "Giàng A Sử", ADMITTED));
        side.feed(suspended(MEMBER, HOME, EVENT_DAY));
        List<Map<String, Object>> before = db.rows("member_roll_period", "id");

        side.redeliver((int) side.position());

        assertThat(db.rows("member_roll_period", "id")).isEqualTo(before);
        assertThat(db.count("member_roll_fact")).isEqualTo(4);
    }

    @Test
    void everyPeriodRecordsTheLastEventThatShapedIt() {
        side.feed(officialMember(MEMBER, HOME, "Giàng A Sử", ADMITTED));
        long official = side.position();
        side.feed(suspended(MEMBER, HOME, EVENT_DAY));

        List<Long> positions = db.jdbc().queryForList(
                "select last_position from member_roll_period where member_id = :m order by valid_from",
                Map.of("m", MEMBER), Long.class);

        assertThat(positions).containsExactly(official, side.position(), side.position());
    }

    @Test
    void replayRebuildsTheSameRoll() {
        side.feed(officialMember(MEMBER, HOME, "Giàng A Sử", ADMITTED));
        side.feed(officialMember("b", HOME, "Lý Văn B", ADMITTED));
        side.feed(probationaryMember("c", HOST, "Lý Văn C", LocalDate.of(2024, 3, 1)));
        side.feed(transferIssued(MEMBER, HOME, HOST, TransferKind.TEMPORARY, EVENT_DAY),
                transferReceived(MEMBER, HOST, HOME, TransferKind.TEMPORARY, EVENT_DAY.plusDays(3)),
                fullyExempted("b", HOME, EVENT_DAY), suspended("c", HOST, EVENT_DAY.plusDays(5)),
                transferIssued("b", HOME, HOST, TransferKind.OFFICIAL, EVENT_DAY.plusMonths(1)),
                transferReceived("b", HOST, HOME, TransferKind.OFFICIAL, EVENT_DAY.plusMonths(2)),
                deceased("c", HOST, EVENT_DAY.plusMonths(3)));
        List<Object> live = snapshot();

        side.replay();

        assertThat(snapshot()).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*updatedAt").isEqualTo(live);
    }

    @Test
    void resetEmptiesOnlyTheRollTables() {
        side.feed(officialMember(MEMBER, HOME, "Giàng A Sử", ADMITTED));

        new MemberRollProjection(db.jdbc()).reset();

        for (String table : List.of("member_roll_member", "member_roll_fact", "member_roll_period")) {
            assertThat(db.count(table)).as(table).isZero();
        }
        assertThat(db.count("org_tree_organization")).isEqualTo(4);
        assertThat(db.jdbc().queryForList("select projection from projection_position", Map.of(), String.class))
                .containsExactly("organization-tree");
    }

    private List<Object> snapshot() {
        List<Object> all = new ArrayList<>();
        for (LocalDate d = EVENT_DAY.minusDays(1); d.isBefore(EVENT_DAY.plusMonths(4)); d = d.plusDays(7)) {
            for (String org : List.of(HOME, HOST, COMMUNE)) {
                all.add(side.roll(org, d));
            }
        }
        for (String member : List.of(MEMBER, "b", "c")) {
            all.add(side.member(member));
        }
        all.add(db.rows("member_roll_member", null));
        all.add(db.rows("member_roll_fact", "seq"));
        all.add(db.rows("member_roll_period", "id"));
        all.add(db.jdbc().queryForList("select projection, position from projection_position order by projection", Map.of()));
        return all;
    }

    private static RollCounts counts(int official, int probationary, int fullyExempt, int temporarilyExempt,
                                     int suspended, int transferredIn, int transferredOut) {
        return new RollCounts(official, probationary, fullyExempt, temporarilyExempt, suspended, transferredIn,
                transferredOut);
    }
}
