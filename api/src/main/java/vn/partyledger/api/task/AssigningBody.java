package vn.partyledger.api.task;

/** Who assigned the task: the cell (at a meeting, by resolution) or its committee (chi ủy). */
public enum AssigningBody {
    CELL, CELL_COMMITTEE
}
