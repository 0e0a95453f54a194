package vn.partyledger.api.rules;

/** Outcome of evaluating one rule: fine, accepted but flagged, or refused. */
public enum Severity {
    OK, WARNING, VIOLATION
}
