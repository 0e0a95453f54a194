package vn.partyledger.command.rating;

import vn.partyledger.command.Refusals;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static vn.partyledger.api.rules.Refusal.Kind.CONFLICT;
import static vn.partyledger.api.rules.Refusal.Kind.INVALID_INPUT;
import static vn.partyledger.api.rules.Refusal.Kind.RULE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.rating.CloseRatingRound;
import vn.partyledger.api.rating.CorrectRatingDecision;
import vn.partyledger.api.rating.DecideRatings;
import vn.partyledger.api.rating.DecisionRow;
import vn.partyledger.api.rating.OpenRating;
import vn.partyledger.api.rating.OpenRatingRound;
import vn.partyledger.api.rating.OpenRatings;
import vn.partyledger.api.rating.PublishRating;
import vn.partyledger.api.rating.RatingDecided;
import vn.partyledger.api.rating.RatingDecisionCorrected;
import vn.partyledger.api.rating.RatingOpened;
import vn.partyledger.api.rating.RatingPublished;
import vn.partyledger.api.rating.RatingRedecided;
import vn.partyledger.api.rating.RatingReopened;
import vn.partyledger.api.rating.RatingRoundClosed;
import vn.partyledger.api.rating.RatingRoundOpened;
import vn.partyledger.api.rating.RecordCellReview;
import vn.partyledger.api.rating.RecordResidenceComment;
import vn.partyledger.api.rating.RedecideRating;
import vn.partyledger.api.rating.ReopenRating;
import vn.partyledger.api.rating.ReopenReason;
import vn.partyledger.api.rating.ResidenceCommentReceived;
import vn.partyledger.api.rating.ReviewVote;
import vn.partyledger.api.rating.Score;
import vn.partyledger.api.rating.SelfReviewSubmitted;
import vn.partyledger.api.rating.SubmitSelfReview;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.rating.DisciplineFact;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingRuleSets;
import vn.partyledger.api.rules.rating.RatingSubject;
import vn.partyledger.api.rules.rating.TaskFact;

class RatingRoundTest {

    static final String PROVINCE = "province";
    static final String COMMUNE = "commune-na-tong";
    static final String CELL = "cell-na-tong-1";
    static final String OTHER_COMMUNE = "commune-other";
    static final String STRANGER_CELL = "cell-elsewhere";
    static final LocalDate DEC_2025 = LocalDate.of(2025, 12, 10);
    static final LocalDate DEC_2018 = LocalDate.of(2018, 12, 10);

    private final FakeRatingDirectories dirs = new FakeRatingDirectories()
            .organization(PROVINCE, OrganizationLevel.PROVINCE, null, false)
            .organization(COMMUNE, OrganizationLevel.COMMUNE, PROVINCE, true)
            .organization(CELL, OrganizationLevel.CELL, COMMUNE, false)
            .organization(OTHER_COMMUNE, OrganizationLevel.COMMUNE, PROVINCE, true)
            .organization(STRANGER_CELL, OrganizationLevel.CELL, OTHER_COMMUNE, false)
            .exempt("m-exempt", CELL)
            .member("m-new", CELL, LocalDate.of(2025, 9, 1))
            .member("m-far", STRANGER_CELL, LocalDate.of(2000, 1, 1));

    RatingRoundTest() {
        for (int i = 0; i < 12; i++) {
            dirs.member("m" + i, CELL, LocalDate.of(2000, 1, 1));
        }
        dirs.task("m1", new TaskFact("task-7", "Phụ trách nhóm hộ số 1", LocalDate.of(2025, 6, 30),
                LocalDate.of(2025, 7, 15), TaskFact.Status.LATE));
    }

    /** A fixture per scenario: one fixture remembers the aggregate it first saw, and scenarios use several rounds. */
    private FixtureConfiguration<RatingRound> fixture() {
        FixtureConfiguration<RatingRound> fixture = new AggregateTestFixture<>(RatingRound.class);
        fixture.registerInjectableResource(dirs);
        fixture.registerInjectableResource(RatingRuleSets.standard());
        return fixture;
    }

    static String round(int year) {
        return OpenRatingRound.idOf(COMMUNE, year);
    }

    static String member(int year, String memberId) {
        return OpenRating.idOf(round(year), RatingSubject.MEMBER, memberId);
    }

    static RatingRoundOpened opened(int year) {
        String set = year == 2018 ? "QD132-2018" : year == 2025 ? "QD366-2025" : "QD124-2023";
        return new RatingRoundOpened(round(year), COMMUNE, year, set, title(year), LocalDate.of(year, 12, 1));
    }

    static String title(int year) {
        return RatingRuleSets.standard().forYear(year, PROVINCE).orElseThrow().title();
    }

    static RatingOpened ratingOf(int year, String memberId) {
        return new RatingOpened(round(year), member(year, memberId), CELL, COMMUNE, year, RatingSubject.MEMBER,
                memberId, List.of(CELL, COMMUNE, PROVINCE), opened(year).ruleSetId(), LocalDate.of(year, 12, 2));
    }

    static SelfReviewSubmitted selfReview(int year, String memberId, RatingLevel level) {
        return new SelfReviewSubmitted(round(year), member(year, memberId), CELL, level,
                year >= 2025 ? new Score(28, 60) : null, "tự kiểm điểm", LocalDate.of(year, 12, 3));
    }

    /** Decided as the fake ledger knows the member's year (every decision of a member records that evidence). */
    private RatingDecided decided(int year, String memberId, RatingLevel level, List<RuleOutcome> outcomes) {
        LocalDate on = LocalDate.of(year, 12, 20);
        return new RatingDecided(round(year), member(year, memberId), CELL, COMMUNE, year, RatingSubject.MEMBER,
                memberId, level, null, "12-QĐ/ĐU", on, opened(year).ruleSetId(), null, outcomes,
                dirs.evidence(List.of(memberId), year, on).get(memberId));
    }

    /** A 2018 round with members m0..m(n-1) opened and self-reviewed. */
    private List<Object> reviewed2018(int n) {
        List<Object> given = new ArrayList<>();
        given.add(opened(2018));
        for (int i = 0; i < n; i++) {
            given.add(ratingOf(2018, "m" + i));
            given.add(selfReview(2018, "m" + i, RatingLevel.GOOD));
        }
        return given;
    }

    private static DecideRatings decide2018(Authority override, DecisionRow... rows) {
        return new DecideRatings(round(2018), "12-QĐ/ĐU", List.of(rows), override, LocalDate.of(2018, 12, 20));
    }

    private static DecisionRow row(int year, String memberId, RatingLevel level) {
        return new DecisionRow(member(year, memberId), level, null, null, null);
    }

    @Test
    void aRoundIsJudgedByTheRuleSetOfItsYear() {
        fixture().givenNoPriorActivity()
                .when(new OpenRatingRound(round(2018), COMMUNE, 2018, LocalDate.of(2018, 12, 1)))
                .expectEvents(opened(2018));
        fixture().givenNoPriorActivity()
                .when(new OpenRatingRound(round(2025), COMMUNE, 2025, LocalDate.of(2025, 12, 1)))
                .expectEvents(opened(2025));
    }

    @Test
    void aYearBeforeEveryRuleSetHasNoRound() {
        fixture().givenNoPriorActivity()
                .when(new OpenRatingRound(round(2010), COMMUNE, 2010, LocalDate.of(2010, 12, 1)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, null, "year"));
    }

    @Test
    void aSecondRoundOfTheSameBodyAndYearIsADuplicate() {
        fixture().given(opened(2018))
                .when(new OpenRatingRound(round(2018), COMMUNE, 2018, LocalDate.of(2018, 12, 2)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(CONFLICT, null, "year"));
    }

    @Test
    void aMemberOfTheSubtreeIsPutOnTheRound() {
        fixture().given(opened(2018))
                .when(new OpenRating(round(2018), member(2018, "m0"), RatingSubject.MEMBER, "m0", null,
                        LocalDate.of(2018, 12, 2)))
                .expectEvents(ratingOf(2018, "m0"));
    }

    @Test
    void aSubjectOutsideTheDecidingBodysSubtreeIsRefused() {
        fixture().given(opened(2018))
                .when(new OpenRating(round(2018), member(2018, "m-far"), RatingSubject.MEMBER, "m-far", null,
                        LocalDate.of(2018, 12, 2)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, "R-SCOPE", "subjectId"));
    }

    private static OpenRatings.Row listed(String memberId) {
        return new OpenRatings.Row(member(2018, memberId), RatingSubject.MEMBER, memberId, null);
    }

    @Test
    void aListPutsEveryMemberOnTheRoundInOneCommand() {
        fixture().given(opened(2018))
                .when(new OpenRatings(round(2018), List.of(listed("m0"), listed("m1"), listed("m2")),
                        LocalDate.of(2018, 12, 2)))
                .expectEvents(ratingOf(2018, "m0"), ratingOf(2018, "m1"), ratingOf(2018, "m2"));
    }

    @Test
    void aListWithOneRefusedRowStoresNothingAndNamesTheRow() {
        fixture().given(opened(2018))
                .when(new OpenRatings(round(2018), List.of(listed("m0"), listed("m1"), listed("m-exempt")),
                        LocalDate.of(2018, 12, 2)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, "R1", "ratings[2].subjectId"));
        fixture().given(opened(2018))
                .when(new OpenRatings(round(2018), List.of(listed("m0"), listed("m-far")),
                        LocalDate.of(2018, 12, 2)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, "R-SCOPE", "ratings[1].subjectId"));
        fixture().given(opened(2018))
                .when(new OpenRatings(round(2018), List.of(listed("m0"), listed("nobody")),
                        LocalDate.of(2018, 12, 2)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.notFound("ratings[1].subjectId"));
    }

    @Test
    void aMemberListedTwiceOrAlreadyOnTheRoundIsAConflictNamingTheRow() {
        fixture().given(opened(2018))
                .when(new OpenRatings(round(2018), List.of(listed("m0"), listed("m1"), listed("m0")),
                        LocalDate.of(2018, 12, 2)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(CONFLICT, null, "ratings[2].subjectId"));
        fixture().given(opened(2018), ratingOf(2018, "m1"))
                .when(new OpenRatings(round(2018), List.of(listed("m0"), listed("m1")), LocalDate.of(2018, 12, 2)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(CONFLICT, null, "ratings[1].subjectId"));
    }

    @Test
    void aFullyExemptMemberIsNotRated() {
        fixture().given(opened(2018))
                .when(new OpenRating(round(2018), member(2018, "m-exempt"), RatingSubject.MEMBER, "m-exempt", null,
                        LocalDate.of(2018, 12, 2)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, "R1", "subjectId"));
    }

    @Test
    void fromQd124AMemberAdmittedLessThanSixMonthsBeforeTheYearsEndIsNotRated() {
        fixture().given(opened(2025))
                .when(new OpenRating(round(2025), member(2025, "m-new"), RatingSubject.MEMBER, "m-new", null,
                        LocalDate.of(2025, 12, 2)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, "R1", "subjectId"));
    }

    @Test
    void aLevelTheYearsSchemeDoesNotKnowIsRefused() {
        fixture().given(opened(2025), ratingOf(2025, "m0"))
                .when(new SubmitSelfReview(round(2025), member(2025, "m0"), RatingLevel.LEGACY_CLEAN_STRONG,
                        new Score(20, 50), null, DEC_2025))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "proposedLevel"));
    }

    @Test
    void the2025SelfReviewNeedsAScoreWithinTheFrame() {
        fixture().given(opened(2025), ratingOf(2025, "m0"))
                .when(new SubmitSelfReview(round(2025), member(2025, "m0"), RatingLevel.GOOD, null, null, DEC_2025))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "score"));
        fixture().given(opened(2025), ratingOf(2025, "m0"))
                .when(new SubmitSelfReview(round(2025), member(2025, "m0"), RatingLevel.GOOD, new Score(31, 60), null,
                        DEC_2025))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "score.general"));
        fixture().given(opened(2018), ratingOf(2018, "m0"))
                .when(new SubmitSelfReview(round(2018), member(2018, "m0"), RatingLevel.GOOD, new Score(20, 60), null,
                        DEC_2018))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "score"));
    }

    @Test
    void aDecisionBeforeTheSelfReviewIsRefused() {
        fixture().given(opened(2018), ratingOf(2018, "m0"))
                .when(decide2018(null, row(2018, "m0", RatingLevel.GOOD)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, "R-ORDER", "ratings[0].ratingId"));
    }

    @Test
    void oneDecisionDecidesTheWholeList() {
        fixture().given(reviewed2018(3))
                .when(decide2018(null, row(2018, "m0", RatingLevel.GOOD), row(2018, "m1", RatingLevel.COMPLETED),
                        row(2018, "m2", RatingLevel.GOOD)))
                .expectEvents(decided(2018, "m0", RatingLevel.GOOD, List.of()),
                        decided(2018, "m1", RatingLevel.COMPLETED, List.of()),
                        decided(2018, "m2", RatingLevel.GOOD, List.of()));
    }

    @Test
    void aRefusalNamesTheRowAndStoresNothing() {
        fixture().given(reviewed2018(4))
                .when(decide2018(null, row(2018, "m0", RatingLevel.GOOD), row(2018, "m1", RatingLevel.GOOD),
                        row(2018, "m2", RatingLevel.LEGACY_CLEAN_STRONG), row(2018, "m3", RatingLevel.GOOD)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "ratings[2].level"));
    }

    @Test
    void moreThanOneExcellentPerFiveGoodInOneDecisionScopeIsRefused() {
        fixture().given(reviewed2018(6))
                .when(decide2018(null, row(2018, "m0", RatingLevel.GOOD), row(2018, "m1", RatingLevel.GOOD),
                        row(2018, "m2", RatingLevel.GOOD), row(2018, "m3", RatingLevel.GOOD),
                        row(2018, "m4", RatingLevel.EXCELLENT), row(2018, "m5", RatingLevel.EXCELLENT)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, "R3", "ratings[4].level"));
        fixture().given(reviewed2018(6))
                .when(decide2018(null, row(2018, "m0", RatingLevel.GOOD), row(2018, "m1", RatingLevel.GOOD),
                        row(2018, "m2", RatingLevel.GOOD), row(2018, "m3", RatingLevel.GOOD),
                        row(2018, "m4", RatingLevel.GOOD), row(2018, "m5", RatingLevel.EXCELLENT)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anOverridingAuthorityLetsTheQuotaBeExceededAndIsRecorded() {
        Authority override = new Authority("05-CV/HU", "Huyện ủy Bắc Mê", LocalDate.of(2018, 12, 15));
        fixture().given(reviewed2018(2))
                .when(decide2018(override, row(2018, "m0", RatingLevel.GOOD), row(2018, "m1", RatingLevel.EXCELLENT)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches((RatingDecided e) -> override.equals(e.quotaOverride())
                                && e.outcomes().size() == 1 && e.outcomes().get(0).rule().equals("R3")
                                && e.outcomes().get(0).isWarning() && e.outcomes().get(0).message().contains("05-CV/HU")),
                        matches((RatingDecided e) -> override.equals(e.quotaOverride())),
                        andNoMore())));
    }

    @Test
    void decidingTwiceNeedsAReopening() {
        List<Object> given = reviewed2018(1);
        given.add(decided(2018, "m0", RatingLevel.GOOD, List.of()));
        fixture().given(given)
                .when(decide2018(null, row(2018, "m0", RatingLevel.COMPLETED)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, "R-DECIDED", "ratings[0].ratingId"));
        RatingReopened reopened = new RatingReopened(round(2018), member(2018, "m0"), CELL, RatingLevel.GOOD,
                ReopenReason.COMPLAINT, "khiếu nại của đảng viên", LocalDate.of(2019, 1, 10));
        fixture().given(given)
                .when(new ReopenRating(round(2018), member(2018, "m0"), ReopenReason.COMPLAINT,
                        "khiếu nại của đảng viên", LocalDate.of(2019, 1, 10)))
                .expectEvents(reopened);
        given.add(reopened);
        fixture().given(given)
                .when(new RedecideRating(round(2018), "03-QĐ/ĐU", row(2018, "m0", RatingLevel.COMPLETED), null,
                        LocalDate.of(2019, 1, 20)))
                .expectEvents(new RatingRedecided(round(2018), member(2018, "m0"), CELL, COMMUNE, 2018,
                        RatingSubject.MEMBER, "m0", RatingLevel.GOOD, RatingLevel.COMPLETED, null, "03-QĐ/ĐU",
                        LocalDate.of(2019, 1, 20), "QD132-2018", null, List.of(),
                        dirs.evidence(List.of("m0"), 2018, LocalDate.of(2019, 1, 20)).get("m0")));
    }

    @Test
    void aLevelRecordedWronglyIsCorrectedAndJudgedOnTheDecisionsDate() {
        List<Object> given = reviewed2018(1);
        given.add(decided(2018, "m0", RatingLevel.GOOD, List.of()));
        LocalDate decidedOn = LocalDate.of(2018, 12, 20);
        fixture().given(given)
                .when(new CorrectRatingDecision(round(2018), "event-of-decision", row(2018, "m0", RatingLevel.COMPLETED),
                        null, null, LocalDate.of(2019, 1, 5)))
                .expectEvents(new RatingDecisionCorrected(round(2018), member(2018, "m0"), CELL, COMMUNE, 2018,
                        RatingSubject.MEMBER, "m0", RatingLevel.GOOD, RatingLevel.COMPLETED, null, "12-QĐ/ĐU",
                        decidedOn, "QD132-2018", null, List.of(),
                        dirs.evidence(List.of("m0"), 2018, decidedOn).get("m0"), "event-of-decision"));
    }

    @Test
    void aCorrectedDecisionNumberKeepsTheLevel() {
        List<Object> given = reviewed2018(1);
        given.add(decided(2018, "m0", RatingLevel.GOOD, List.of()));
        fixture().given(given)
                .when(new CorrectRatingDecision(round(2018), "event-of-decision", row(2018, "m0", RatingLevel.GOOD),
                        " 21-QĐ/ĐU ", null, LocalDate.of(2019, 1, 5)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches((RatingDecisionCorrected e) -> e.decisionNo().equals("21-QĐ/ĐU")
                                && e.level() == RatingLevel.GOOD && e.previousLevel() == RatingLevel.GOOD),
                        andNoMore())));
    }

    @Test
    void aCorrectionIsHeldToTheQuotaAsTheDecisionWas() {
        List<Object> given = reviewed2018(2);
        given.add(decided(2018, "m0", RatingLevel.GOOD, List.of()));
        given.add(decided(2018, "m1", RatingLevel.GOOD, List.of()));
        fixture().given(given)
                .when(new CorrectRatingDecision(round(2018), "event-of-decision",
                        row(2018, "m1", RatingLevel.EXCELLENT), null, null, LocalDate.of(2019, 1, 5)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, "R3", "rating.level"));
    }

    @Test
    void aCorrectionThatRepeatsTheDecisionIsRefused() {
        List<Object> given = reviewed2018(1);
        given.add(decided(2018, "m0", RatingLevel.GOOD, List.of()));
        fixture().given(given)
                .when(new CorrectRatingDecision(round(2018), "event-of-decision", row(2018, "m0", RatingLevel.GOOD),
                        null, null, LocalDate.of(2019, 1, 5)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "rating"));
    }

    @Test
    void aReopenedRatingIsDecidedAgainNotCorrected() {
        List<Object> given = reviewed2018(1);
        given.add(decided(2018, "m0", RatingLevel.GOOD, List.of()));
        given.add(new RatingReopened(round(2018), member(2018, "m0"), CELL, RatingLevel.GOOD,
                ReopenReason.COMPLAINT, "khiếu nại của đảng viên", LocalDate.of(2019, 1, 10)));
        fixture().given(given)
                .when(new CorrectRatingDecision(round(2018), "event-of-decision",
                        row(2018, "m0", RatingLevel.COMPLETED), null, null, LocalDate.of(2019, 1, 15)))
                .expectNoEvents()
                .expectException(LedgerRefusalException.class);
    }

    @Test
    void aMemberDisciplinedDuringTheYearIsNotCompletedUnlessRemedied() {
        DisciplineFact reprimand = new DisciplineFact("REPRIMAND", LocalDate.of(2018, 5, 1), false);
        fixture().given(reviewed2018(1))
                .when(decide2018(null, new DecisionRow(member(2018, "m0"), RatingLevel.COMPLETED, null, null,
                        reprimand)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, "R2", "ratings[0].level"));
        fixture().given(reviewed2018(1))
                .when(decide2018(null, new DecisionRow(member(2018, "m0"), RatingLevel.COMPLETED, null, null,
                        new DisciplineFact("REPRIMAND", LocalDate.of(2018, 5, 1), true))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCivilServantIsExcellentOnlyIfExcellentAsACivilServant() {
        List<Object> given = new ArrayList<>(List.of(opened(2025)));
        for (int i = 0; i < 5; i++) {
            given.add(new RatingOpened(round(2025), member(2025, "m" + i), CELL, COMMUNE, 2025, RatingSubject.MEMBER,
                    "m" + i, List.of(CELL, COMMUNE, PROVINCE), "QD366-2025", DEC_2025));
            given.add(selfReview(2025, "m" + i, RatingLevel.GOOD));
        }
        fixture().given(given)
                .when(new DecideRatings(round(2025), "9-QĐ/ĐU", List.of(new DecisionRow(member(2025, "m0"),
                        RatingLevel.EXCELLENT, 95, RatingLevel.GOOD, null)), null, DEC_2025))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, "R4", "ratings[0].level"));
    }

    @Test
    void a2025GoodForAMemberWithALateTaskCarriesTheR5WarningNamingTheTask() {
        fixture().given(opened(2025), new RatingOpened(round(2025), member(2025, "m1"), CELL, COMMUNE, 2025,
                        RatingSubject.MEMBER, "m1", List.of(CELL, COMMUNE, PROVINCE), "QD366-2025", DEC_2025),
                        selfReview(2025, "m1", RatingLevel.GOOD))
                .when(new DecideRatings(round(2025), "9-QĐ/ĐU", List.of(row(2025, "m1", RatingLevel.GOOD)), null,
                        DEC_2025))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches((RatingDecided e) -> e.score() == 88 && e.evidence() != null
                                && e.outcomes().size() == 1 && e.outcomes().get(0).rule().equals("R5")
                                && e.outcomes().get(0).isWarning()
                                && e.outcomes().get(0).message().contains("task-7")
                                && e.outcomes().get(0).message().contains("done late on 2025-07-15")),
                        andNoMore())));
    }

    @Test
    void aGrassrootsOrganisationIsDecidedAfterTheCellsUnderIt() {
        String province = OpenRatingRound.idOf(PROVINCE, 2018);
        String communeRating = OpenRating.idOf(province, RatingSubject.GRASSROOTS_ORG, COMMUNE);
        String cellRating = OpenRating.idOf(province, RatingSubject.CELL, CELL);
        List<Object> given = List.of(
                new RatingRoundOpened(province, PROVINCE, 2018, "QD132-2018", title(2018), DEC_2018),
                new RatingOpened(province, communeRating, COMMUNE, PROVINCE, 2018, RatingSubject.GRASSROOTS_ORG,
                        COMMUNE, List.of(COMMUNE, PROVINCE), "QD132-2018", DEC_2018),
                new RatingOpened(province, cellRating, CELL, PROVINCE, 2018, RatingSubject.CELL, CELL,
                        List.of(CELL, COMMUNE, PROVINCE), "QD132-2018", DEC_2018),
                new SelfReviewSubmitted(province, communeRating, COMMUNE, RatingLevel.GOOD, null, null, DEC_2018),
                new SelfReviewSubmitted(province, cellRating, CELL, RatingLevel.GOOD, null, null, DEC_2018));
        fixture().given(given)
                .when(new DecideRatings(province, "1-QĐ/TU", List.of(
                        new DecisionRow(communeRating, RatingLevel.GOOD, null, null, null),
                        new DecisionRow(cellRating, RatingLevel.GOOD, null, null, null)), null, DEC_2018))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, "R-ORDER", "ratings[0].ratingId"));
        fixture().given(given)
                .when(new DecideRatings(province, "1-QĐ/TU", List.of(
                        new DecisionRow(cellRating, RatingLevel.GOOD, null, null, null),
                        new DecisionRow(communeRating, RatingLevel.GOOD, null, null, null)), null, DEC_2018))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aClosedRoundTakesNoMoreDecisions() {
        List<Object> given = reviewed2018(1);
        given.add(new RatingRoundClosed(round(2018), COMMUNE, 2018, 0, 1, LocalDate.of(2018, 12, 31)));
        fixture().given(given)
                .when(decide2018(null, row(2018, "m0", RatingLevel.GOOD)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, null, null));
    }

    @Test
    void theCellDiscussesMembersAfterTheirSelfReviewAndAResidenceCommentConcernsMembersOnly() {
        fixture().given(opened(2018), ratingOf(2018, "m0"))
                .when(new RecordCellReview(round(2018), member(2018, "m0"), "tốt", RatingLevel.GOOD,
                        new ReviewVote(15, 0, 16), DEC_2018))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, null, null));
        fixture().given(opened(2018), ratingOf(2018, "m0"), selfReview(2018, "m0", RatingLevel.GOOD))
                .when(new RecordCellReview(round(2018), member(2018, "m0"), "tốt", RatingLevel.GOOD,
                        new ReviewVote(15, 2, 16), DEC_2018))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "vote"));
        fixture().given(opened(2018), ratingOf(2018, "m0"), selfReview(2018, "m0", RatingLevel.GOOD))
                .when(new RecordResidenceComment(round(2018), member(2018, "m0"), "Chi bộ tổ dân phố 3",
                        "gương mẫu nơi cư trú", DEC_2018))
                .expectEvents(new ResidenceCommentReceived(round(2018), member(2018, "m0"), CELL,
                        "Chi bộ tổ dân phố 3", "gương mẫu nơi cư trú", DEC_2018));
    }

    @Test
    void aDecidedRatingIsPublishedOnceAndAnOpenOneIsNot() {
        List<Object> given = reviewed2018(1);
        fixture().given(given)
                .when(new PublishRating(round(2018), member(2018, "m0"), DEC_2018))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, null, null));
        given.add(decided(2018, "m0", RatingLevel.GOOD, List.of()));
        fixture().given(given)
                .when(new PublishRating(round(2018), member(2018, "m0"), LocalDate.of(2018, 12, 22)))
                .expectEvents(new RatingPublished(round(2018), member(2018, "m0"), CELL, RatingLevel.GOOD,
                        LocalDate.of(2018, 12, 22)));
    }

    @Test
    void closingCountsDecidedAndUndecidedRatings() {
        List<Object> given = reviewed2018(2);
        given.add(decided(2018, "m0", RatingLevel.GOOD, List.of()));
        fixture().given(given)
                .when(new CloseRatingRound(round(2018), LocalDate.of(2018, 12, 31)))
                .expectEvents(new RatingRoundClosed(round(2018), COMMUNE, 2018, 1, 1, LocalDate.of(2018, 12, 31)));
    }
}
