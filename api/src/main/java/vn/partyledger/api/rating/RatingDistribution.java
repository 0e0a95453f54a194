package vn.partyledger.api.rating;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.rules.rating.PercentDisplay;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingSubject;

/**
 * Ratings of one subject kind and year in a subtree as it stood at the year's end: {@code rated} subjects, the count
 * and share of each level (shares of {@code rated}), {@code unreported} (rated, no level decided), subjects on a roll
 * but not rated with the reason, and the R3 quota judged per decision scope (one deciding body's round), never on the
 * aggregate: {@code aggregate} only shows the subtree's ratio, unjudged.
 */
public record RatingDistribution(String organizationId, int year, RatingSubject subject, LocalDate asOf,
                                 List<String> ruleSets, int rated, int decided, int unreported,
                                 List<LevelCount> levels, List<NotRated> notRated, List<QuotaScope> quotaScopes,
                                 Aggregate aggregate, PercentDisplay rounding, Provenance provenance) {

    public record LevelCount(RatingLevel level, int count, String percent) {
    }

    public record NotRated(String reason, int count) {
    }

    /** One decision scope: {@code within} is the R3 check; {@code overriddenBy} the authority cited to exceed it. */
    public record QuotaScope(String roundId, String decidingBodyId, String ruleSetId, int excellent, int good,
                             boolean quotaApplies, boolean within, Authority overriddenBy, String rule,
                             String basis) {
    }

    public record Aggregate(int excellent, int good, String excellentOfGood) {
    }
}
