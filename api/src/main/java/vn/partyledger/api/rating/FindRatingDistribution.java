package vn.partyledger.api.rating;

import java.time.Instant;
import java.time.LocalDate;
import vn.partyledger.api.rules.rating.PercentDisplay;
import vn.partyledger.api.rules.rating.RatingSubject;

/**
 * Query: the distribution of {@code subject} ratings for {@code year} in the organisation's subtree. {@code asOf}: true
 * on that business date (ratings opened and decisions dated by then; null = today); {@code knownAt}: as the ledger
 * stood at that instant (only facts and corrections recorded by then; null = now).
 */
public record FindRatingDistribution(String organizationId, int year, RatingSubject subject, PercentDisplay rounding,
                                     int decimals, LocalDate asOf, Instant knownAt) {

    public FindRatingDistribution(String organizationId, int year, RatingSubject subject, PercentDisplay rounding,
                                  int decimals) {
        this(organizationId, year, subject, rounding, decimals, null, null);
    }
}
