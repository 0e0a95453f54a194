package vn.partyledger.api.rules;

import java.time.LocalDate;

/**
 * The result of one rule for one fact: its code (e.g. {@code P5}), severity, the regulation it comes from and a message
 * a cell secretary can act on.
 */
public record RuleOutcome(String rule, Severity severity, String basis, String message) {
    public static RuleOutcome ok(String rule, String basis) {
        return new RuleOutcome(rule, Severity.OK, basis, null);
    }

    public static RuleOutcome warning(String rule, String basis, String message) {
        return new RuleOutcome(rule, Severity.WARNING, basis, message);
    }

    public static RuleOutcome violation(String rule, String basis, String message) {
        return new RuleOutcome(rule, Severity.VIOLATION, basis, message);
    }

    /** Nothing judged: the ledger holds no version of {@code rule} in force on {@code date}. */
    public static RuleOutcome notInForce(String rule, LocalDate date, LocalDate firstFrom) {
        return new RuleOutcome(rule, Severity.NOT_IN_FORCE, null, "no rule in force on " + date
                + ": the first version this ledger holds applies from " + firstFrom + "; not judged");
    }

    public boolean isViolation() {
        return severity == Severity.VIOLATION;
    }

    public boolean isWarning() {
        return severity == Severity.WARNING;
    }
}
