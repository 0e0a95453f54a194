package vn.partyledger.api.rating;

import vn.partyledger.api.rules.rating.PercentDisplay;
import vn.partyledger.api.rules.rating.RatingSubject;

/** Query: the distribution of {@code subject} ratings for {@code year} in the organisation's subtree. */
public record FindRatingDistribution(String organizationId, int year, RatingSubject subject, PercentDisplay rounding,
                                     int decimals) {
}
