package vn.partyledger.api.task;

import java.time.LocalDate;

/** Query: the cell's task board as of {@code asOf} (null = today). */
public record FindTaskBoard(String organizationId, LocalDate asOf) {
}
