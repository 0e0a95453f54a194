package vn.partyledger.api.rules.vote;

/**
 * A share of a body, {@code numerator/denominator}, compared by integer cross-multiplication so that no rounding can
 * decide a vote (10 of 15 is exactly two thirds).
 */
public record Share(int numerator, int denominator) {

    public Share {
        if (numerator < 0 || denominator < 1 || numerator > denominator) {
            throw new IllegalArgumentException("not a share: " + numerator + "/" + denominator);
        }
    }

    /** {@code part ≥ numerator/denominator × whole}. */
    public boolean reachedBy(long part, long whole) {
        return (long) denominator * part >= (long) numerator * whole;
    }

    /** {@code part > numerator/denominator × whole}. */
    public boolean exceededBy(long part, long whole) {
        return (long) denominator * part > (long) numerator * whole;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
