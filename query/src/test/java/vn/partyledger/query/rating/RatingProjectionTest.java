package vn.partyledger.query.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.envelope.Envelope;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.rating.CongressTarget.Comparison;
import vn.partyledger.api.rating.CongressTarget;
import vn.partyledger.api.rating.CongressTargetsSet;
import vn.partyledger.api.rating.FindMemberRatings;
import vn.partyledger.api.rating.FindRatingDistribution;
import vn.partyledger.api.rating.FindRatingRound;
import vn.partyledger.api.rating.FindTargetCompliance;
import vn.partyledger.api.rating.MemberRatings;
import vn.partyledger.api.rating.OpenRating;
import vn.partyledger.api.rating.OpenRatingRound;
import vn.partyledger.api.rating.RatingDecided;
import vn.partyledger.api.rating.RatingRedecided;
import vn.partyledger.api.rating.RatingReopened;
import vn.partyledger.api.rating.ReopenReason;
import vn.partyledger.api.rating.RatingDistribution;
import vn.partyledger.api.rating.RatingOpened;
import vn.partyledger.api.rating.RatingRoundOpened;
import vn.partyledger.api.rating.RatingRoundView;
import vn.partyledger.api.rating.SelfReviewSubmitted;
import vn.partyledger.api.rating.SetCongressTargets;
import vn.partyledger.api.rating.TargetCompliance;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.rating.MemberYearEvidence;
import vn.partyledger.api.rules.rating.PercentDisplay;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingRuleSets;
import vn.partyledger.api.rules.rating.RatingSubject;
import vn.partyledger.api.rules.rating.TaskFact;
import vn.partyledger.query.EventFeed;
import vn.partyledger.query.ReadModelDatabase;
import vn.partyledger.query.member.MemberFixture;

class RatingProjectionTest {

    static final String PROVINCE = "province-ha-giang";
    static final String DISTRICT = "district-bac-me";
    static final Clock LATER = Clock.fixed(Instant.parse("2026-03-01T03:00:00Z"), ZoneOffset.UTC);
    static final LocalDate ON_2018 = LocalDate.of(2018, 12, 20);

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
        side = new EventFeed(db, new RatingProjection(db.jdbc(), RatingRuleSets.standard(), LATER));
    }

    private static String setOf(int year) {
        return RatingRuleSets.standard().forYear(year, null).orElseThrow().id();
    }

    private static RatingRoundOpened round(String body, int year) {
        String set = setOf(year);
        return new RatingRoundOpened(OpenRatingRound.idOf(body, year), body, year, set,
                RatingRuleSets.standard().byId(set).orElseThrow().title(), LocalDate.of(year, 12, 1));
    }

    private static List<Object> rated(String body, int year, RatingSubject subject, String subjectId, String org,
                                      RatingLevel level, Authority override, List<RuleOutcome> outcomes,
                                      MemberYearEvidence evidence) {
        String round = OpenRatingRound.idOf(body, year);
        String id = OpenRating.idOf(round, subject, subjectId);
        List<Object> events = new ArrayList<>();
        events.add(new RatingOpened(round, id, org, body, year, subject, subjectId, List.of(org, body), setOf(year),
                LocalDate.of(year, 12, 2)));
        if (level != null) {
            events.add(new RatingDecided(round, id, org, body, year, subject, subjectId, level, null, "1-QĐ",
                    LocalDate.of(year, 12, 20), setOf(year), override, outcomes, evidence));
        }
        return events;
    }

    /** Bắc Mê 2018 (AE1): 59 grassroots organisations rated by the district, 14 EXCELLENT and 45 GOOD. */
    private void bacMeOrganisations() {
        side.feed(province(PROVINCE, "Hà Giang"), district(DISTRICT, PROVINCE, "Bắc Mê"), round(DISTRICT, 2018));
        for (int i = 0; i < 59; i++) {
            String org = "org-" + i;
            side.feed(commune(org, DISTRICT, "Đảng bộ " + i));
            side.feed(rated(DISTRICT, 2018, RatingSubject.GRASSROOTS_ORG, org, org,
                    i < 14 ? RatingLevel.EXCELLENT : RatingLevel.GOOD, null, List.of(), null));
        }
    }

    private RatingDistribution distribution(String org, int year, RatingSubject subject, PercentDisplay rounding,
                                            int decimals) {
        return side.query(new FindRatingDistribution(org, year, subject, rounding, decimals),
                RatingDistribution.class);
    }

    private static RatingDistribution.LevelCount level(RatingDistribution d, RatingLevel level) {
        return d.levels().stream().filter(l -> l.level() == level).findFirst().orElseThrow();
    }

    @Test
    void bacMeOrganisationsShowThePublishedFiguresUnderTruncation() {
        bacMeOrganisations();

        RatingDistribution truncated = distribution(DISTRICT, 2018, RatingSubject.GRASSROOTS_ORG,
                PercentDisplay.TRUNCATE, 1);
        RatingDistribution rounded = distribution(DISTRICT, 2018, RatingSubject.GRASSROOTS_ORG,
                PercentDisplay.HALF_UP, 1);

        assertThat(truncated.rated()).isEqualTo(59);
        assertThat(level(truncated, RatingLevel.EXCELLENT).percent()).isEqualTo("23.7%");
        assertThat(level(truncated, RatingLevel.GOOD).percent()).isEqualTo("76.2%");
        assertThat(level(rounded, RatingLevel.GOOD).percent()).isEqualTo("76.3%");
        // 14 of 45 is 31%, but QĐ 132 (2018) puts no quota on organisations, and never on an aggregate.
        assertThat(truncated.quotaScopes()).singleElement()
                .satisfies(s -> assertThat(s.quotaApplies()).isFalse())
                .satisfies(s -> assertThat(s.within()).isTrue());
        assertThat(truncated.aggregate().excellentOfGood()).isEqualTo("31.1%");
    }

    /**
     * Bắc Mê 2018 members (AE2): 581 / 2,656 / 396 of 3,643 rated, 10 without a reported level, decided by the
     * committees of three grassroots organisations; the district aggregate (21.8% of GOOD) is shown, never judged.
     */
    @Test
    void bacMeMembersAreCountedAndTheQuotaIsJudgedPerDecisionScopeOnly() {
        side.feed(province(PROVINCE, "Hà Giang"), district(DISTRICT, PROVINCE, "Bắc Mê"));
        int[][] split = {{194, 886, 132, 0}, {194, 885, 132, 0}, {193, 885, 132, 10}};
        List<Object> events = new ArrayList<>();
        for (int c = 0; c < split.length; c++) {
            String body = "commune-" + c;
            String cellId = "cell-" + c;
            side.feed(commune(body, DISTRICT, "Xã " + c), cell(cellId, body, "Chi bộ " + c, CellType.VILLAGE));
            events.add(round(body, 2018));
            RatingLevel[] levels = {RatingLevel.EXCELLENT, RatingLevel.GOOD, RatingLevel.COMPLETED, null};
            for (int l = 0; l < levels.length; l++) {
                for (int i = 0; i < split[c][l]; i++) {
                    events.addAll(rated(body, 2018, RatingSubject.MEMBER, "m-" + c + "-" + l + "-" + i, cellId,
                            levels[l], null, List.of(), null));
                }
            }
        }
        side.feed(events);

        RatingDistribution d = distribution(DISTRICT, 2018, RatingSubject.MEMBER, PercentDisplay.TRUNCATE, 0);

        assertThat(d.rated()).isEqualTo(3643);
        assertThat(d.unreported()).isEqualTo(10);
        assertThat(level(d, RatingLevel.EXCELLENT)).isEqualTo(new RatingDistribution.LevelCount(RatingLevel.EXCELLENT, 581, "15%"));
        assertThat(level(d, RatingLevel.GOOD)).isEqualTo(new RatingDistribution.LevelCount(RatingLevel.GOOD, 2656, "72%"));
        assertThat(level(d, RatingLevel.COMPLETED)).isEqualTo(new RatingDistribution.LevelCount(RatingLevel.COMPLETED, 396, "10%"));
        assertThat(d.aggregate()).isEqualTo(new RatingDistribution.Aggregate(581, 2656, "21%"));
        assertThat(d.quotaScopes()).hasSize(3).allSatisfy(s -> assertThat(s.quotaApplies()).isTrue());
    }

    /** AE2's ratio (21.9% of GOOD) inside one decision scope, at a tenth of the size: flagged, with the override. */
    @Test
    void theSameRatioInsideOneDecisionScopeIsFlaggedWithTheOverridingAuthority() {
        Authority override = new Authority("05-CV/HU", "Huyện ủy Bắc Mê", LocalDate.of(2018, 12, 15));
        side.feed(province(PROVINCE, "Hà Giang"), district(DISTRICT, PROVINCE, "Bắc Mê"),
                commune("commune-0", DISTRICT, "Xã 0"), cell("cell-0", "commune-0", "Chi bộ 0", CellType.VILLAGE),
                round("commune-0", 2018));
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 58 + 265; i++) {
            events.addAll(rated("commune-0", 2018, RatingSubject.MEMBER, "m-" + i, "cell-0",
                    i < 58 ? RatingLevel.EXCELLENT : RatingLevel.GOOD, override, List.of(), null));
        }
        side.feed(events);

        RatingDistribution d = distribution(DISTRICT, 2018, RatingSubject.MEMBER, PercentDisplay.HALF_UP, 1);

        assertThat(d.quotaScopes()).singleElement().satisfies(s -> {
            assertThat(s.within()).isFalse();
            assertThat(s.rule()).isEqualTo("R3");
            assertThat(s.overriddenBy()).isEqualTo(override);
        });
    }

    @Test
    void membersNotRatedAreCountedWithTheirReason() {
        side.feed(province(PROVINCE, "Điện Biên"), commune("commune-nt", PROVINCE, "Na Tông"),
                cell("cell-nt", "commune-nt", "Na Tông 1", CellType.VILLAGE), round("commune-nt", 2024));
        side.feed(MemberFixture.officialMember("rated", "cell-nt", "A", LocalDate.of(2005, 1, 1)));
        side.feed(MemberFixture.officialMember("exempt", "cell-nt", "B", LocalDate.of(1980, 1, 1)));
        side.feed(MemberFixture.fullyExempted("exempt", "cell-nt", LocalDate.of(2020, 1, 1)));
        side.feed(MemberFixture.probationaryMember("newcomer", "cell-nt", "C", LocalDate.of(2024, 9, 1)));
        side.feed(MemberFixture.officialMember("forgotten", "cell-nt", "D", LocalDate.of(2005, 1, 1)));
        side.feed(rated("commune-nt", 2024, RatingSubject.MEMBER, "rated", "cell-nt", RatingLevel.GOOD, null,
                List.of(), null));

        RatingDistribution d = distribution("commune-nt", 2024, RatingSubject.MEMBER, PercentDisplay.HALF_UP, 1);

        assertThat(d.notRated()).extracting(RatingDistribution.NotRated::reason)
                .anySatisfy(r -> assertThat(r).startsWith("R1: fully exempt"))
                .anySatisfy(r -> assertThat(r).startsWith("R1: admitted on 2024-09-01"))
                .contains("NOT_RATED");
        assertThat(d.notRated()).extracting(RatingDistribution.NotRated::count).containsOnly(1);
    }

    /** The round page's list: cells first, then members by cell and name, each with the step it has reached. */
    @Test
    void aRoundListsItsRatingsByKindCellAndNameWithTheStepEachHasReached() {
        side.feed(province(PROVINCE, "Điện Biên"), commune("commune-nt", PROVINCE, "Na Tông"),
                cell("cell-b", "commune-nt", "Chi bộ bản B", CellType.VILLAGE),
                cell("cell-a", "commune-nt", "Chi bộ bản A", CellType.VILLAGE), round("commune-nt", 2024));
        side.feed(MemberFixture.officialMember("m-xuan", "cell-a", "Lò Văn Xuân", LocalDate.of(2005, 1, 1)));
        side.feed(MemberFixture.officialMember("m-hoa", "cell-a", "Quàng Thị Hoa", LocalDate.of(2005, 1, 1)));
        side.feed(MemberFixture.officialMember("m-an", "cell-b", "Cà Văn An", LocalDate.of(2005, 1, 1)));
        Authority override = new Authority("05-CV/HU", "Huyện ủy", LocalDate.of(2024, 12, 18));
        side.feed(rated("commune-nt", 2024, RatingSubject.MEMBER, "m-an", "cell-b", null, null, List.of(), null));
        side.feed(rated("commune-nt", 2024, RatingSubject.MEMBER, "m-xuan", "cell-a", RatingLevel.EXCELLENT, override,
                List.of(), null));
        side.feed(rated("commune-nt", 2024, RatingSubject.MEMBER, "m-hoa", "cell-a", null, null, List.of(), null));
        side.feed(rated("commune-nt", 2024, RatingSubject.CELL, "cell-b", "cell-b", null, null, List.of(), null));
        String round = OpenRatingRound.idOf("commune-nt", 2024);
        side.feed(new SelfReviewSubmitted(round, OpenRating.idOf(round, RatingSubject.MEMBER, "m-hoa"), "cell-a",
                RatingLevel.GOOD, null, "Bản tự kiểm điểm", LocalDate.of(2024, 12, 5)));

        RatingRoundView view = side.query(new FindRatingRound(round), RatingRoundView.class);

        assertThat(view.decidingBodyId()).isEqualTo("commune-nt");
        assertThat(view.ruleSetId()).isEqualTo(setOf(2024));
        assertThat(view.ratings()).extracting(RatingRoundView.Entry::subjectName, RatingRoundView.Entry::organizationName,
                RatingRoundView.Entry::state, RatingRoundView.Entry::selfProposed, RatingRoundView.Entry::level)
                .containsExactly(
                        tuple("Chi bộ bản B", "Chi bộ bản B", "OPEN", null, null),
                        tuple("Lò Văn Xuân", "Chi bộ bản A", "DECIDED", null, RatingLevel.EXCELLENT),
                        tuple("Quàng Thị Hoa", "Chi bộ bản A", "OPEN", RatingLevel.GOOD, null),
                        tuple("Cà Văn An", "Chi bộ bản B", "OPEN", null, null));
        assertThat(view.ratings().get(1).quotaOverride()).isEqualTo(override);
        assertThat(view.ratings().get(1).decisionNo()).isEqualTo("1-QĐ");
        assertThat(side.query(new FindRatingRound(OpenRatingRound.idOf("commune-nt", 2023)), RatingRoundView.class))
                .isNull();
    }

    /** Na Tông (AE4): 13 of 16 cells GOOD+ fails "≥ 85%", 14 passes; 123 of 137 members fails "> 90%", 124 passes. */
    @Test
    void naTongTargetsAreMetFromFourteenCellsAndOneHundredTwentyFourMembers() {
        side.feed(province(PROVINCE, "Điện Biên"), commune("na-tong", PROVINCE, "Na Tông"));
        side.feed(new CongressTargetsSet(SetCongressTargets.idOf("na-tong", "2020-2025"), "na-tong", "2020-2025", List.of(
                new CongressTarget("≥ 85% cells GOOD+", RatingSubject.CELL, RatingLevel.GOOD, true,
                        Comparison.AT_LEAST, 85),
                new CongressTarget("> 90% members GOOD+", RatingSubject.MEMBER, RatingLevel.GOOD, true,
                        Comparison.MORE_THAN, 90)), LocalDate.of(2020, 8, 1)));
        side.feed(round("na-tong", 2020), round("na-tong", 2021));
        for (int year : new int[]{2020, 2021}) {
            int goodCells = year == 2020 ? 13 : 14;
            int goodMembers = year == 2020 ? 123 : 124;
            for (int i = 0; i < 16; i++) {
                if (year == 2020) {
                    side.feed(cell("c-" + i, "na-tong", "Chi bộ " + i, CellType.VILLAGE));
                }
                side.feed(rated("na-tong", year, RatingSubject.CELL, "c-" + i, "c-" + i,
                        i < goodCells ? RatingLevel.GOOD : RatingLevel.COMPLETED, null, List.of(), null));
            }
            List<Object> members = new ArrayList<>();
            for (int i = 0; i < 137; i++) {
                members.addAll(rated("na-tong", year, RatingSubject.MEMBER, "m-" + i, "c-" + (i % 16),
                        i < goodMembers ? (i % 10 == 0 ? RatingLevel.EXCELLENT : RatingLevel.GOOD)
                                : RatingLevel.COMPLETED, null, List.of(), null));
            }
            side.feed(members);
        }

        TargetCompliance c = side.query(new FindTargetCompliance("na-tong", "2020-2025"), TargetCompliance.class);

        assertThat(c.years().get(0).results()).containsExactly(
                new TargetCompliance.Result("≥ 85% cells GOOD+", 16, 13, "81.25%", false),
                new TargetCompliance.Result("> 90% members GOOD+", 137, 123, "89.78%", false));
        assertThat(c.years().get(1).results()).containsExactly(
                new TargetCompliance.Result("≥ 85% cells GOOD+", 16, 14, "87.50%", true),
                new TargetCompliance.Result("> 90% members GOOD+", 137, 124, "90.51%", true));
        assertThat(c.years()).extracting(TargetCompliance.Year::year).containsExactly(2020, 2021, 2022, 2023, 2024,
                2025);
    }

    /** An Tường (AE5): legacy labels; ≥ 90% cells clean & strong needs 33 of 36; > 95% members COMPLETED+ 832 of 875. */
    @Test
    void anTuongTargetsUseTheLegacyLabelsOfTheirYear() {
        side.feed(province(PROVINCE, "Tuyên Quang"), commune("an-tuong", PROVINCE, "An Tường"));
        side.feed(new CongressTargetsSet(SetCongressTargets.idOf("an-tuong", "2015-2017"), "an-tuong", "2015-2017", List.of(
                new CongressTarget("≥ 90% cells clean & strong", RatingSubject.CELL, RatingLevel.LEGACY_CLEAN_STRONG,
                        false, Comparison.AT_LEAST, 90),
                new CongressTarget("> 95% members COMPLETED+", RatingSubject.MEMBER, RatingLevel.COMPLETED, true,
                        Comparison.MORE_THAN, 95),
                new CongressTarget("> 75% members GOOD+", RatingSubject.MEMBER, RatingLevel.GOOD, true,
                        Comparison.MORE_THAN, 75),
                new CongressTarget("no weak organisation", RatingSubject.CELL, RatingLevel.LEGACY_WEAK, false,
                        Comparison.AT_MOST, 0)), LocalDate.of(2015, 9, 1)));
        side.feed(round("an-tuong", 2017));
        for (int i = 0; i < 36; i++) {
            side.feed(cell("at-" + i, "an-tuong", "Chi bộ " + i, CellType.VILLAGE));
            side.feed(rated("an-tuong", 2017, RatingSubject.CELL, "at-" + i, "at-" + i,
                    i < 33 ? RatingLevel.LEGACY_CLEAN_STRONG : RatingLevel.GOOD, null, List.of(), null));
        }
        List<Object> members = new ArrayList<>();
        for (int i = 0; i < 875; i++) {
            RatingLevel level = i < 657 ? RatingLevel.GOOD : i < 832 ? RatingLevel.COMPLETED : RatingLevel.NOT_COMPLETED;
            members.addAll(rated("an-tuong", 2017, RatingSubject.MEMBER, "m-" + i, "at-" + (i % 36), level, null,
                    List.of(), null));
        }
        side.feed(members);

        TargetCompliance c = side.query(new FindTargetCompliance("an-tuong", "2015-2017"), TargetCompliance.class);

        assertThat(c.years().get(2).results()).containsExactly(
                new TargetCompliance.Result("≥ 90% cells clean & strong", 36, 33, "91.67%", true),
                new TargetCompliance.Result("> 95% members COMPLETED+", 875, 832, "95.09%", true),
                new TargetCompliance.Result("> 75% members GOOD+", 875, 657, "75.09%", true),
                new TargetCompliance.Result("no weak organisation", 36, 0, "0.00%", true));
    }

    @Test
    void aMembersHistoryShowsTheRuleSetOfEachYearWithTheDecisionsEvidence() {
        side.feed(province(PROVINCE, "Điện Biên"), commune("na-tong", PROVINCE, "Na Tông"),
                cell("c-1", "na-tong", "Na Tông 1", CellType.VILLAGE), round("na-tong", 2018),
                round("na-tong", 2025));
        MemberYearEvidence evidence = new MemberYearEvidence(2025, false, false, false, LocalDate.of(2000, 3, 1), 12,
                11, List.of("2025-04"), List.of(new TaskFact("task-7", "Nhóm hộ số 1", LocalDate.of(2025, 6, 30),
                LocalDate.of(2025, 7, 15), TaskFact.Status.LATE)), MemberYearEvidence.CommitmentStatus.SUBMITTED);
        RuleOutcome r5 = RuleOutcome.warning("R5", "QĐ 366", "GOOD needs every task done on time; task-7");
        side.feed(rated("na-tong", 2018, RatingSubject.MEMBER, "xuan", "c-1", RatingLevel.GOOD, null, List.of(), null));
        side.feed(rated("na-tong", 2025, RatingSubject.MEMBER, "xuan", "c-1", RatingLevel.GOOD, null, List.of(r5),
                evidence));

        MemberRatings h = side.query(new FindMemberRatings("xuan"), MemberRatings.class);

        assertThat(h.ratings()).extracting(MemberRatings.Entry::year, MemberRatings.Entry::ruleSetId)
                .containsExactly(tuple(2018, "QD132-2018"),
                        tuple(2025, "QD366-2025"));
        assertThat(h.ratings().get(1).outcomes()).containsExactly(r5);
        assertThat(h.ratings().get(1).evidence()).isEqualTo(evidence);
        assertThat(h.ratings().get(0).evidence()).isNull();
    }

    @Test
    void aMembersRatingsAsOfADateAndKnownAtAnInstantShowTheStepsAndDecisionOfThatTime() {
        side.feed(province(PROVINCE, "Điện Biên"), commune("na-tong", PROVINCE, "Na Tông"),
                cell("c-1", "na-tong", "Na Tông 1", CellType.VILLAGE), round("na-tong", 2025));
        String round = OpenRatingRound.idOf("na-tong", 2025);
        String id = OpenRating.idOf(round, RatingSubject.MEMBER, "xuan");
        Instant opened = Instant.parse("2025-12-02T02:00:00Z");
        Instant reviewed = Instant.parse("2025-12-05T02:00:00Z");
        Instant decided = Instant.parse("2025-12-20T02:00:00Z");
        Instant reopened = Instant.parse("2026-01-10T02:00:00Z");
        Instant redecided = Instant.parse("2026-01-20T02:00:00Z");
        MemberYearEvidence first = new MemberYearEvidence(2025, false, false, false, null, 12, 12, List.of(),
                List.of(), MemberYearEvidence.CommitmentStatus.SUBMITTED);
        MemberYearEvidence second = new MemberYearEvidence(2025, false, false, false, null, 12, 11,
                List.of("2025-04"), List.of(), MemberYearEvidence.CommitmentStatus.SUBMITTED);
        RuleOutcome r5 = RuleOutcome.warning("R5", "QĐ 366", "checked again on the complaint");
        side.feed(recordedAt(opened, new RatingOpened(round, id, "c-1", "na-tong", 2025, RatingSubject.MEMBER, "xuan",
                        List.of("c-1", "na-tong"), setOf(2025), LocalDate.of(2025, 12, 2))),
                recordedAt(reviewed, new SelfReviewSubmitted(round, id, "c-1", RatingLevel.EXCELLENT, null, "tự nhận",
                        LocalDate.of(2025, 12, 5))),
                recordedAt(decided, new RatingDecided(round, id, "c-1", "na-tong", 2025, RatingSubject.MEMBER, "xuan",
                        RatingLevel.GOOD, null, "1-QĐ", LocalDate.of(2025, 12, 20), setOf(2025), null, List.of(),
                        first)),
                recordedAt(reopened, new RatingReopened(round, id, "c-1", RatingLevel.GOOD, ReopenReason.COMPLAINT,
                        "khiếu nại", LocalDate.of(2026, 1, 10))),
                recordedAt(redecided, new RatingRedecided(round, id, "c-1", "na-tong", 2025, RatingSubject.MEMBER,
                        "xuan", RatingLevel.GOOD, RatingLevel.EXCELLENT, null, "2-QĐ", LocalDate.of(2026, 1, 20),
                        setOf(2025), null, List.of(r5), second)));

        MemberRatings.Entry now = ratings(null, null);
        assertThat(now.level()).isEqualTo(RatingLevel.EXCELLENT);
        assertThat(now.state()).isEqualTo("DECIDED");
        assertThat(now.outcomes()).containsExactly(r5);
        assertThat(now.evidence()).isEqualTo(second);

        MemberRatings.Entry whileReopened = ratings(null, reopened);
        assertThat(whileReopened.state()).isEqualTo("REOPENED");
        assertThat(whileReopened.level()).isEqualTo(RatingLevel.GOOD);
        assertThat(whileReopened.decisionNo()).isEqualTo("1-QĐ");
        assertThat(whileReopened.outcomes()).isEmpty();
        assertThat(whileReopened.evidence()).isEqualTo(first);

        MemberRatings.Entry atYearEnd = ratings(LocalDate.of(2025, 12, 31), null);
        assertThat(atYearEnd.state()).isEqualTo("DECIDED");
        assertThat(atYearEnd.level()).isEqualTo(RatingLevel.GOOD);

        MemberRatings.Entry beforeDecision = ratings(LocalDate.of(2025, 12, 10), null);
        assertThat(beforeDecision.state()).isEqualTo("OPEN");
        assertThat(beforeDecision.level()).isNull();
        assertThat(beforeDecision.selfProposed()).isEqualTo(RatingLevel.EXCELLENT);
        assertThat(beforeDecision.evidence()).isNull();

        assertThat(ratings(null, reviewed.minusSeconds(1)).selfProposed()).isNull();
        MemberRatings beforeOpening = side.query(new FindMemberRatings("xuan", null, opened.minusSeconds(1)),
                MemberRatings.class);
        assertThat(beforeOpening.ratings()).isEmpty();
        assertThat(beforeOpening.provenance().knownAt()).isEqualTo(opened.minusSeconds(1));
        assertThat(side.query(new FindMemberRatings("xuan", LocalDate.of(2025, 12, 1), null), MemberRatings.class)
                .ratings()).isEmpty();
    }

    private MemberRatings.Entry ratings(LocalDate asOf, Instant knownAt) {
        MemberRatings h = side.query(new FindMemberRatings("xuan", asOf, knownAt), MemberRatings.class);
        assertThat(h.provenance().asOf()).isEqualTo(asOf == null ? LocalDate.of(2026, 3, 1) : asOf);
        assertThat(h.ratings()).hasSize(1);
        return h.ratings().get(0);
    }

    private static Object recordedAt(Instant at, Object event) {
        return GenericEventMessage.asEventMessage(event)
                .withMetaData(MetaData.with(Envelope.RECORDED_AT, at.toString()));
    }

    @Test
    void replayAndRedeliveryRebuildTheSameRecords() {
        bacMeOrganisations();
        aMembersHistoryFeed();
        List<List<Map<String, Object>>> before = tables();
        side.redeliver(5);
        side.redeliver(10);
        assertThat(tables()).isEqualTo(before);

        side.replay();

        assertThat(tables()).isEqualTo(before);
    }

    private void aMembersHistoryFeed() {
        side.feed(cell("c-h", "org-0", "Chi bộ", CellType.VILLAGE), round("org-0", 2025));
        side.feed(rated("org-0", 2025, RatingSubject.MEMBER, "h", "c-h", RatingLevel.GOOD, null,
                List.of(RuleOutcome.warning("R5", "QĐ 366", "late")), new MemberYearEvidence(2025, false, false,
                        false, null, 2, 2, List.of(), List.of(new TaskFact("t", "d", LocalDate.of(2025, 3, 1), null,
                        TaskFact.Status.OVERDUE)), MemberYearEvidence.CommitmentStatus.NOT_SUBMITTED)));
        side.feed(new CongressTargetsSet(SetCongressTargets.idOf("org-0", "2020-2025"), "org-0", "2020-2025", List.of(
                new CongressTarget("x", RatingSubject.CELL, RatingLevel.GOOD, true, Comparison.AT_LEAST, 85)),
                LocalDate.of(2020, 8, 1)));
    }

    private List<List<Map<String, Object>>> tables() {
        List<List<Map<String, Object>>> all = new ArrayList<>();
        for (String t : List.of("rating_round", "rating_entry", "rating_step", "rating_decision", "rating_outcome",
                "rating_evidence", "rating_evidence_task", "rating_target")) {
            all.add(db.rows(t, null));
        }
        all.add(db.jdbc().queryForList(
                "select projection, position from projection_position where projection = 'ratings'", Map.of()));
        return all;
    }
}
