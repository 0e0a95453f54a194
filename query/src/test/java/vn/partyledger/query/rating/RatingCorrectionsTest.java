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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
}
