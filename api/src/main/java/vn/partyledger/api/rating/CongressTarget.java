package vn.partyledger.api.rating;

import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingSubject;

/**
 * One congress-resolution target (R6), e.g. "≥ 85% of cells GOOD or better": the share of {@code subject} ratings at
 * {@code level} (or better when {@code orBetter}) compared with {@code percent}.
 */
public record CongressTarget(String label, RatingSubject subject, RatingLevel level, boolean orBetter,
                             Comparison comparison, int percent) {

    public enum Comparison {
        AT_LEAST, MORE_THAN, AT_MOST;

        /** Cross-multiplied, never on a rounded share. */
        public boolean holds(long part, long whole, int percent) {
            long left = 100 * part;
            long right = (long) percent * whole;
            return switch (this) {
                case AT_LEAST -> left >= right;
                case MORE_THAN -> left > right;
                case AT_MOST -> left <= right;
            };
        }
    }

    public boolean counts(RatingLevel decided) {
        return orBetter ? decided.atLeast(level) : decided == level;
    }
}
