package vn.partyledger.query.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.query.organization.OrganizationFixture.commune;
import static vn.partyledger.query.organization.OrganizationFixture.district;
import static vn.partyledger.query.organization.OrganizationFixture.province;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.envelope.Envelope;
import vn.partyledger.api.rating.FindRatingDistribution;
import vn.partyledger.api.rating.OpenRating;
import vn.partyledger.api.rating.OpenRatingRound;
import vn.partyledger.api.rating.RatingDecided;
import vn.partyledger.api.rating.RatingDecisionCorrected;
import vn.partyledger.api.rating.RatingDistribution;
import vn.partyledger.api.rating.RatingOpened;
import vn.partyledger.api.rating.RatingRoundOpened;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.rating.PercentDisplay;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingRuleSets;
import vn.partyledger.api.rules.rating.RatingSubject;
import vn.partyledger.query.EventFeed;
import vn.partyledger.query.ReadModelDatabase;

class RatingCorrectionsTest {

    private static final String DISTRICT = "district-bac-me";
    private static final Clock LATER = Clock.fixed(Instant.parse("2026-03-01T03:00:00Z"), ZoneOffset.UTC);
    private static final String SET = RatingRuleSets.standard().forYear(2018, null).orElseThrow().id();
    private static final String ROUND = OpenRatingRound.idOf(DISTRICT, 2018);
    private static final LocalDate DECIDED = LocalDate.of(2018, 12, 20);

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
        side = new EventFeed(db, new RatingProjection(db.jdbc(), RatingRuleSets.standard(), LATER),
                new RatingCorrections(db.jdbc()));
        side.feed(province("province-ha-giang", "Hà Giang"), district(DISTRICT, "province-ha-giang", "Bắc Mê"),
                new RatingRoundOpened(ROUND, DISTRICT, 2018, SET, RatingRuleSets.standard().byId(SET).orElseThrow()
                        .title(), LocalDate.of(2018, 12, 1)));
        for (int i = 0; i < 6; i++) {
            String org = "org-" + i;
            side.feed(commune(org, DISTRICT, "Đảng bộ " + i));
            side.feed(new RatingOpened(ROUND, rating(i), org, DISTRICT, 2018, RatingSubject.GRASSROOTS_ORG, org,
                    List.of(org, DISTRICT), SET, LocalDate.of(2018, 12, 2)));
            side.feed(new RatingDecided(ROUND, rating(i), org, DISTRICT, 2018, RatingSubject.GRASSROOTS_ORG, org,
                    i == 0 ? RatingLevel.EXCELLENT : RatingLevel.GOOD, null, "1-QĐ", DECIDED, SET, null, List.of(),
                    null));
        }
    }

    private static String rating(int i) {
        return OpenRating.idOf(ROUND, RatingSubject.GRASSROOTS_ORG, "org-" + i);
    }

    private int count(RatingLevel level) {
        RatingDistribution d = side.query(new FindRatingDistribution(DISTRICT, 2018, RatingSubject.GRASSROOTS_ORG,
                PercentDisplay.HALF_UP, 0), RatingDistribution.class);
        return d.levels().stream().filter(l -> l.level() == level).findFirst().orElseThrow().count();
    }

    @Test
    void theDistributionCountsTheCorrectedLevel() {
        assertThat(count(RatingLevel.EXCELLENT)).isEqualTo(1);

        side.feed(new RatingDecisionCorrected(ROUND, rating(0), "org-0", DISTRICT, 2018, RatingSubject.GRASSROOTS_ORG,
                "org-0", RatingLevel.EXCELLENT, RatingLevel.GOOD, null, "1-QĐ", DECIDED, SET, null,
                List.of(RuleOutcome.warning("R5", "basis", "checked again")), null, "event-of-decision"));

        assertThat(count(RatingLevel.EXCELLENT)).isZero();
        assertThat(count(RatingLevel.GOOD)).isEqualTo(6);
        assertThat(db.jdbc().getJdbcTemplate().queryForList("select rule from rating_outcome where rating_id = ?",
                String.class, rating(0))).containsExactly("R5");
    }

    @Test
    void knownAtAnInstantBeforeTheCorrectionTheRecordedLevelCountsAndAfterItTheCorrectedOne() {
        Instant decidedAt = Instant.parse("2019-01-05T02:00:00Z");
        Instant correctedAt = Instant.parse("2019-03-01T02:00:00Z");
        side.feed(recordedAt(correctedAt, new RatingDecisionCorrected(ROUND, rating(0), "org-0", DISTRICT, 2018,
                RatingSubject.GRASSROOTS_ORG, "org-0", RatingLevel.EXCELLENT, RatingLevel.GOOD, null, "1-QĐ", DECIDED,
                SET, null, List.of(RuleOutcome.warning("R5", "basis", "checked again")), null, "event-of-decision")));

        assertThat(count(RatingLevel.EXCELLENT, null, correctedAt.minusSeconds(1))).isEqualTo(1);
        assertThat(count(RatingLevel.EXCELLENT, null, correctedAt)).isZero();
        assertThat(count(RatingLevel.EXCELLENT, null, null)).isZero();
        // the decision rows fed in setUp carry no recorded instant: known at any instant, as rows the migration moved
        assertThat(count(RatingLevel.GOOD, null, decidedAt)).isEqualTo(5);
    }

    @Test
    void asOfADateBeforeTheDecisionTheRatingsAreOpenButNotDecided() {
        RatingDistribution before = distribution(DECIDED.minusDays(1), null);
        assertThat(before.rated()).isEqualTo(6);
        assertThat(before.decided()).isZero();
        assertThat(before.unreported()).isEqualTo(6);
        assertThat(before.provenance().asOf()).isEqualTo(DECIDED.minusDays(1));

        assertThat(distribution(DECIDED, null).decided()).isEqualTo(6);
        // before the round put them on it, nobody was rated: all six are missing from the count
        RatingDistribution beforeOpening = distribution(LocalDate.of(2018, 12, 1), null);
        assertThat(beforeOpening.rated()).isZero();
        assertThat(beforeOpening.notRated()).extracting(RatingDistribution.NotRated::count).containsExactly(6);
    }

    @Test
    void aRatingOpenedAfterTheInstantIsNotKnownThenAndTheProvenanceStatesBothAxes() {
        Instant opened = Instant.parse("2019-01-10T02:00:00Z");
        side.feed(commune("org-6", DISTRICT, "Đảng bộ 6"));
        side.feed(recordedAt(opened, new RatingOpened(ROUND, rating(6), "org-6", DISTRICT, 2018,
                RatingSubject.GRASSROOTS_ORG, "org-6", List.of("org-6", DISTRICT), SET, LocalDate.of(2018, 12, 2))));

        RatingDistribution before = distribution(null, opened.minusSeconds(1));
        assertThat(before.rated()).isEqualTo(6);
        assertThat(before.provenance().knownAt()).isEqualTo(opened.minusSeconds(1));
        assertThat(before.provenance().asOf()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(distribution(null, opened).rated()).isEqualTo(7);
        assertThat(distribution(null, opened).unreported()).isEqualTo(1);
    }

    @Test
    void aReplayedLedgerAnswersTheSameOnBothAxes() {
        Instant correctedAt = Instant.parse("2019-03-01T02:00:00Z");
        side.feed(recordedAt(correctedAt, new RatingDecisionCorrected(ROUND, rating(1), "org-1", DISTRICT, 2018,
                RatingSubject.GRASSROOTS_ORG, "org-1", RatingLevel.GOOD, RatingLevel.EXCELLENT, null, "1-QĐ", DECIDED,
                SET, null, List.of(), null, "event-of-decision")));
        side.replay();

        assertThat(count(RatingLevel.EXCELLENT, null, correctedAt.minusSeconds(1))).isEqualTo(1);
        assertThat(count(RatingLevel.EXCELLENT, null, null)).isEqualTo(2);
    }

    private static Object recordedAt(Instant at, Object event) {
        return GenericEventMessage.asEventMessage(event)
                .withMetaData(MetaData.with(Envelope.RECORDED_AT, at.toString()));
    }

    private RatingDistribution distribution(LocalDate asOf, Instant knownAt) {
        return side.query(new FindRatingDistribution(DISTRICT, 2018, RatingSubject.GRASSROOTS_ORG,
                PercentDisplay.HALF_UP, 0, asOf, knownAt), RatingDistribution.class);
    }

    private int count(RatingLevel level, LocalDate asOf, Instant knownAt) {
        return distribution(asOf, knownAt).levels().stream().filter(l -> l.level() == level).findFirst().orElseThrow()
                .count();
    }
}
