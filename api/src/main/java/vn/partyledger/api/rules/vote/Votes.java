package vn.partyledger.api.rules.vote;

import static vn.partyledger.api.rules.regime.Regimes.CHARTER_2011;
import static vn.partyledger.api.rules.regime.Regimes.QD_24_2021;
import static vn.partyledger.api.rules.regime.Regimes.QD_29_2016;

import vn.partyledger.api.rules.Effective;
import vn.partyledger.api.rules.Rule;

/** The voting thresholds the cell's resolutions are judged by, with the text each version rests on. */
public final class Votes {

    /** A threshold and the rule it belongs to. */
    public record Threshold(Rule rule, Share share) {
    }

    /**
     * M6: a resolution is valid only with more than half of those convened (the eligible voters) approving. The
     * implementing text changed in 2021 while the share did not; a resolution cites the text in force on its date.
     */
    public static final Effective<Threshold> MAJORITY = Effective
            .from(QD_29_2016.inForceFrom(), new Threshold(new Rule("M6",
                    QD_29_2016.cite() + ": quá nửa số được triệu tập"), new Share(1, 2)))
            .then(QD_24_2021.inForceFrom(), new Threshold(new Rule("M6",
                    QD_24_2021.cite() + " §9.3: quá nửa số được triệu tập"), new Share(1, 2)));

    /**
     * P4: a cell's resolution to admit a member or to recognise one as official needs at least two thirds of the
     * cell's official members approving.
     */
    public static final Effective<Threshold> PERSONNEL_APPROVAL = Effective.from(CHARTER_2011.inForceFrom(),
            new Threshold(new Rule("P4", CHARTER_2011.number() + ", Điều 4 & Điều 5"), new Share(2, 3)));

    private Votes() {
    }
}
