package vn.partyledger.api.rules.rating;

import java.util.Optional;
import vn.partyledger.api.rules.RuleOutcome;

/** R4: a member who is a civil servant can be EXCELLENT only if rated EXCELLENT as a civil servant. */
public record CivilServantRule(String basis) {

    public static final String RULE = "R4";

    public Optional<RuleOutcome> judge(RatingLevel level, RatingLevel civilServantLevel) {
        if (level != RatingLevel.EXCELLENT || civilServantLevel == null
                || civilServantLevel == RatingLevel.EXCELLENT) {
            return Optional.empty();
        }
        return Optional.of(RuleOutcome.violation(RULE, basis,
                "EXCELLENT needs EXCELLENT as a civil servant; rated " + civilServantLevel));
    }
}
