package vn.partyledger.api.rules.rating;

import java.time.LocalDate;

/** One task due in the rating year as the ledger records it (T4): done on time, done late, or still open after its due date. */
public record TaskFact(String taskId, String description, LocalDate dueDate, LocalDate completedOn, Status status) {

    public enum Status { ON_TIME, LATE, OVERDUE, OPEN }
}
