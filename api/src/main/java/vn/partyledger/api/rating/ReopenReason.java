package vn.partyledger.api.rating;

/** Why a decided rating is reviewed again: a complaint, or a sign of a violation found later. */
public enum ReopenReason {
    COMPLAINT, VIOLATION_SIGN
}
