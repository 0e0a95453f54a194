package vn.partyledger.api.task;

/** What the member reports as the result of the task, against the expected result. */
public enum TaskOutcome {
    ACHIEVED, PARTLY_ACHIEVED, NOT_ACHIEVED
}
