package vn.partyledger.api.rules.rating;

/**
 * Levels of an annual quality rating across every scheme the ledger knows. {@code rank} orders them within a scheme
 * (higher is better); a scheme lists which levels it accepts ({@link RatingScheme}).
 */
public enum RatingLevel {
    /** Hoàn thành xuất sắc nhiệm vụ (HTXS). */
    EXCELLENT(4),
    /** Hoàn thành tốt nhiệm vụ (HTT). */
    GOOD(3),
    /** Hoàn thành nhiệm vụ (HT). */
    COMPLETED(2),
    /** Không hoàn thành nhiệm vụ (KHT). */
    NOT_COMPLETED(1),
    /** Trong sạch, vững mạnh: the top organisation label before 2018 (HD 27-HD/BTCTW 2014). */
    LEGACY_CLEAN_STRONG(4),
    /** Yếu kém: the lowest organisation label before 2018. */
    LEGACY_WEAK(1);

    private final int rank;

    RatingLevel(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** At least as good as {@code other} (e.g. "GOOD or better", "COMPLETED or better"). */
    public boolean atLeast(RatingLevel other) {
        return rank >= other.rank;
    }
}
