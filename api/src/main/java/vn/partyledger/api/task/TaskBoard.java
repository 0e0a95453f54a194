package vn.partyledger.api.task;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.provenance.Provenance;

/**
 * The cell's open tasks on {@code asOf}, the overdue ones among them, and household coverage: the registered households
 * with and without an open HOUSEHOLD_GROUP task covering them.
 */
public record TaskBoard(String organizationId, LocalDate asOf, int openTasks, int overdueTasks, List<OpenTask> tasks,
                        Coverage households, Provenance provenance) {

    public record OpenTask(String taskId, String assigneeId, String assigneeName, TaskKind kind, String description,
                           LocalDate assignedOn, LocalDate dueDate, String expectedResult,
                           boolean overdue, List<String> householdIds) {
    }

    public record Coverage(int registered, int covered, int uncovered, List<CoveredHousehold> coveredHouseholds,
                           List<Household> uncoveredHouseholds) {
    }

    public record CoveredHousehold(String householdId, String label, String assigneeId, String taskId) {
    }
}
