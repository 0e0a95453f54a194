package vn.partyledger.api.rating;

/** Query: one rating round with every rating on it and the step each has reached (null answer: no such round). */
public record FindRatingRound(String roundId) {
}
