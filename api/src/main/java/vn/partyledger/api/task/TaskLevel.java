package vn.partyledger.api.task;

/** The cell's evaluation of how the task was done; the annual rating reads it (T4). */
public enum TaskLevel {
    EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED
}
