package vn.partyledger.api.rules.rating;

import java.time.LocalDate;
import java.util.Optional;
import vn.partyledger.api.rules.RuleOutcome;

/**
 * R1: who is not rated in a year. Fully exempt members never are (P10); suspended members from HD 21/2019 (committee
 * members suspended from activity are still rated in their post, so the suspension excludes the MEMBER subject only);
 * members admitted less than {@code minimumMonthsAdmitted} months before the year's end from QĐ 124/2023 (0 = no such
 * rule).
 */
public record Exclusions(String basis, boolean suspendedExcluded, int minimumMonthsAdmitted) {

    public static final String RULE = "R1";

    public Optional<RuleOutcome> judge(RatingSubject subject, int year, boolean fullyExempt, boolean suspended,
                                       LocalDate admittedOn) {
        if (!subject.isPerson()) {
            return Optional.empty();
        }
        if (fullyExempt) {
            return Optional.of(RuleOutcome.violation(RULE, basis, "fully exempt members are not rated"));
        }
        if (suspended && suspendedExcluded && subject == RatingSubject.MEMBER) {
            return Optional.of(RuleOutcome.violation(RULE, basis, "members suspended from activity are not rated"));
        }
        if (minimumMonthsAdmitted > 0 && admittedOn != null) {
            LocalDate latest = LocalDate.of(year, 12, 31).minusMonths(minimumMonthsAdmitted);
            if (admittedOn.isAfter(latest)) {
                return Optional.of(RuleOutcome.violation(RULE, basis, "admitted on " + admittedOn + ", less than "
                        + minimumMonthsAdmitted + " months before the end of " + year + ": not rated this year"));
            }
        }
        return Optional.empty();
    }
}
