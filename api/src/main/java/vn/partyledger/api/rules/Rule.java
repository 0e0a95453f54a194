package vn.partyledger.api.rules;

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
}
