package vn.partyledger.api.task;

/** A household in the cell's area, identified within the cell (e.g. "B3-12") with a label a secretary recognises. */
public record Household(String householdId, String label) {
}
