package vn.partyledger.api.task;

/** Query: a member's task outcomes for the tasks due in {@code year}. */
public record FindTaskOutcomes(String memberId, int year) {
}
