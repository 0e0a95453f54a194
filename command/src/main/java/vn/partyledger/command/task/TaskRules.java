package vn.partyledger.command.task;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.command.task.TaskPolicy.FourClears;
import vn.partyledger.command.task.TaskPolicy.Rule;

/** Versions of {@link TaskPolicy} by effective date; a handler parameter so a province's own practice is configuration. */
final class TaskRules {

    private final Effective<TaskPolicy> versions;

    TaskRules(Effective<TaskPolicy> versions) {
        this.versions = versions;
    }

    TaskPolicy at(LocalDate occurredOn) {
        return versions.at(occurredOn);
    }

    /**
     * The "four clears" of assigning tasks to members as practised under KL 18-KL/TW (22/9/2017) on raising the quality
     * of cell meetings and reported by Vân Hồ [S1]; the sources give no earlier version.
     */
    static TaskRules standard() {
        return new TaskRules(Effective.from(LocalDate.of(2017, 9, 22), new TaskPolicy(new FourClears(
                new Rule("T1", "KL 18-KL/TW (22/9/2017); giao nhiệm vụ đảng viên \"4 rõ\" (Vân Hồ)"),
                List.of("assigneeId", "description", "dueDate", "expectedResult")))));
    }
}
