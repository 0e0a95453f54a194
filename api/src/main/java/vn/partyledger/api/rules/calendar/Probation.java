package vn.partyledger.api.rules.calendar;

import static vn.partyledger.api.rules.regime.Regimes.CHARTER_2011;
import static vn.partyledger.api.rules.regime.Regimes.QD_24_2021;
import static vn.partyledger.api.rules.regime.Regimes.QD_29_2016;

import java.time.LocalDate;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.api.rules.Rule;

/**
 * P5: probation lasts {@code months} from the admission ceremony, and the cell must review the member within
 * {@code reviewWorkingDays} working days after it ends. The command side dates the end and flags a late recognition;
 * the query side lists members still unrecognised beyond the window.
 */
public record Probation(Rule rule, int months, int reviewWorkingDays) {

    public static final Effective<Probation> VERSIONS = Effective
            .from(QD_29_2016.inForceFrom(), new Probation(new Rule("P5", CHARTER_2011.number() + ", Điều 5; "
                    + QD_29_2016.cite()), 12, 30))
            .then(QD_24_2021.inForceFrom(), new Probation(new Rule("P5", CHARTER_2011.number() + ", Điều 5; "
                    + QD_24_2021.cite() + " §4"), 12, 30));

    public LocalDate endsOn(LocalDate ceremonyDate) {
        return ceremonyDate.plusMonths(months);
    }

    /** Whether a review on {@code on} comes more than the window after the probation ended on {@code endsOn}. */
    public boolean reviewLate(LocalDate endsOn, LocalDate on) {
        return WorkingDays.between(endsOn, on) > reviewWorkingDays;
    }
}
