package vn.partyledger.api.rules.rating;

import java.util.Optional;
import vn.partyledger.api.rules.RuleOutcome;

/**
 * R2: a subject disciplined during the rating year is NOT_COMPLETED, unless the violation was self-discovered and its
 * consequences remedied; one violation counts once (it is judged in the year of the discipline decision only).
 */
public record DisciplineRule(String basis) {

    public static final String RULE = "R2";

    public Optional<RuleOutcome> judge(int year, RatingLevel level, DisciplineFact discipline) {
        if (discipline == null || discipline.decidedOn() == null || discipline.decidedOn().getYear() != year
                || discipline.remedied() || level == RatingLevel.NOT_COMPLETED) {
            return Optional.empty();
        }
        return Optional.of(RuleOutcome.violation(RULE, basis, "disciplined (" + discipline.form() + ") on "
                + discipline.decidedOn() + " and not remedied: the level must be NOT_COMPLETED"));
    }
}
