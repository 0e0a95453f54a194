package vn.partyledger.api.rules;

/**
 * Outcome of evaluating one rule: fine, accepted but flagged, or refused; {@code NOT_IN_FORCE} when no version of the
 * rule was in force on the fact's date, so nothing was judged.
 */
public enum Severity {
    OK, WARNING, VIOLATION, NOT_IN_FORCE
}
