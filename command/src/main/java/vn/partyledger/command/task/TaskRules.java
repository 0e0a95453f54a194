package vn.partyledger.command.task;

import static vn.partyledger.api.rules.regime.Regimes.KL_18_2017;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.NoVersionInForceException;
import vn.partyledger.command.task.TaskPolicy.FourClears;
import vn.partyledger.command.task.TaskPolicy.Rule;

/** Versions of {@link TaskPolicy} by effective date; a handler parameter so a province's own practice is configuration. */
final class TaskRules {

    private final Effective<TaskPolicy> versions;

    TaskRules(Effective<TaskPolicy> versions) {
        this.versions = versions;
    }

    /** The version in force on the assignment's date; an assignment older than every version is refused (T1). */
    TaskPolicy at(LocalDate occurredOn) {
        try {
            return versions.at(occurredOn);
        } catch (NoVersionInForceException e) {
            throw LedgerRefusalException.noVersionInForce("T1", "occurredOn", e);
        }
    }

    /**
     * The "four clears" of assigning tasks to members as practised under KL 18-KL/TW (22/9/2017) on raising the quality
     * of cell meetings and reported by Vân Hồ [S1]; the sources give no earlier version.
     */
    static TaskRules standard() {
        return new TaskRules(Effective.from(KL_18_2017.inForceFrom(), new TaskPolicy(new FourClears(
                new Rule("T1", KL_18_2017.cite() + "; giao nhiệm vụ đảng viên \"4 rõ\" (Vân Hồ)"),
                List.of("assigneeId", "description", "dueDate", "expectedResult")))));
    }
}
