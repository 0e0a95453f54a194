package vn.partyledger.api.rules;

import java.time.LocalDate;

/** A rule's code and the regulation it comes from, carried by every outcome the rule produces. */
public record Rule(String code, String basis) {

    public RuleOutcome ok() {
        return RuleOutcome.ok(code, basis);
    }

    public RuleOutcome warning(String message) {
        return RuleOutcome.warning(code, basis, message);
    }

    public RuleOutcome violation(String message) {
        return RuleOutcome.violation(code, basis, message);
    }

    /** What a read shows for {@code code} on a date before its first version: nothing judged. */
    public static RuleOutcome notInForce(String code, NoVersionInForceException e) {
        return RuleOutcome.notInForce(code, e.date(), e.firstFrom());
    }
}
