package vn.partyledger.api.rules.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a share is shown. Counts are stored and compared by cross-multiplication; only the display is rounded.
 * {@code TRUNCATE} reproduces published figures such as Bắc Mê's "76.2%" for 45/59 (AE1); {@code HALF_UP} is the
 * default ("76.3%").
 */
public enum PercentDisplay {
    TRUNCATE(RoundingMode.DOWN), HALF_UP(RoundingMode.HALF_UP);

    private final RoundingMode mode;

    PercentDisplay(RoundingMode mode) {
        this.mode = mode;
    }

    /** {@code part/whole} as a percentage with {@code decimals} digits, e.g. "23.7%"; null when {@code whole} is 0. */
    public String format(long part, long whole, int decimals) {
        if (whole == 0) {
            return null;
        }
        BigDecimal percent = BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), decimals, mode);
        return percent.toPlainString() + "%";
    }
}
