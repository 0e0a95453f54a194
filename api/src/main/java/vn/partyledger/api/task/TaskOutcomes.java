package vn.partyledger.api.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.partyledger.api.provenance.Provenance;

/**
 * What a member did with the tasks due in a year (T4: the annual rating reads it). Counts are of tasks currently
 * assigned to the member; a reassigned task counts for the member who holds it.
 */
public record TaskOutcomes(String memberId, int year, int assigned, int open, int completed, int completedLate,
                           int overdue, int cancelled, Map<TaskLevel, Integer> evaluations, List<Item> items,
                           Provenance provenance) {

    public record Item(String taskId, String organizationId, TaskKind kind, String description, LocalDate dueDate,
                       String status, TaskOutcome outcome, boolean late, TaskLevel level) {
    }
}
