package vn.partyledger.api.rules.rating;

import java.util.Set;
import vn.partyledger.api.rules.RuleOutcome;

/**
 * R3: {@code #EXCELLENT ≤ percent% × #GOOD} for the subjects it names, judged **within one decision scope** (the
 * ratings one deciding body decides for one year and subject), never on district or province aggregates. Compared by
 * cross-multiplication ({@code 100 × excellent ≤ percent × good}).
 */
public record QuotaRule(int percent, Set<RatingSubject> subjects, String basis) {

    public static final String RULE = "R3";

    public boolean appliesTo(RatingSubject subject) {
        return subjects.contains(subject);
    }

    public boolean within(long excellent, long good) {
        return 100 * excellent <= (long) percent * good;
    }

    public RuleOutcome judge(long excellent, long good) {
        if (within(excellent, good)) {
            return RuleOutcome.ok(RULE, basis);
        }
        return RuleOutcome.violation(RULE, basis, excellent + " EXCELLENT exceeds " + percent + "% of " + good
                + " GOOD in one decision scope");
    }
}
