package vn.partyledger.api.rules.roll;

import static vn.partyledger.api.rules.regime.Regimes.CHARTER_2011;
import static vn.partyledger.api.rules.regime.Regimes.QD_24_2021;
import static vn.partyledger.api.rules.regime.Regimes.QD_29_2016;

import vn.partyledger.api.rules.Effective;
import vn.partyledger.api.rules.Rule;

/**
 * P12: a member who left party activities without legitimate reason in {@code monthsWithoutReason} months of a
 * calendar year may be proposed for removal from the roll; only the competent committee's decision removes them. The
 * command side cites it on the removal, the query side counts the months for the attendance risk.
 */
public record RollRemoval(Rule rule, int monthsWithoutReason) {

    public static final Effective<RollRemoval> VERSIONS = Effective
            .from(QD_29_2016.inForceFrom(), new RollRemoval(new Rule("P12", CHARTER_2011.number() + ", Điều 8; "
                    + QD_29_2016.cite() + ": bỏ sinh hoạt 3 tháng trong năm không có lý do chính đáng"), 3))
            .then(QD_24_2021.inForceFrom(), new RollRemoval(new Rule("P12", CHARTER_2011.number() + ", Điều 8; "
                    + QD_24_2021.cite() + ": bỏ sinh hoạt 3 tháng trong năm không có lý do chính đáng"), 3));

    /** Whether {@code months} distinct months without legitimate reason in one year reach the threshold. */
    public boolean reached(int months) {
        return months >= monthsWithoutReason;
    }
}
