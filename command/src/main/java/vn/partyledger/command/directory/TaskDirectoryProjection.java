package vn.partyledger.command.directory;

import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.commitment.CommitmentSubmitted;
import vn.partyledger.api.task.Household;
import vn.partyledger.api.task.HouseholdsRegistered;
import vn.partyledger.api.task.TaskAssigned;

/**
 * Keeps {@code cmd_household} for {@link HouseholdDirectory} and {@code cmd_task} / {@code cmd_commitment} for
 * {@link TaskDirectory}. Subscribing, in the transaction that stores the event, so a task assigned right after the
 * registration sees the households, and a result recorded right after the assignment finds the task's cell.
 */
@Component
@ProcessingGroup(TaskDirectoryProjection.PROCESSING_GROUP)
class TaskDirectoryProjection {

    static final String PROCESSING_GROUP = "task-directory";

    private final NamedParameterJdbcTemplate jdbc;
    private final LookupWrites writes;

    TaskDirectoryProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new LookupWrites(jdbc);
    }

    @EventHandler
    void on(HouseholdsRegistered e) {
        for (Household h : e.households()) {
            writes.update("""
                    insert into cmd_household (organization_id, household_id) values (:org, :id)
                    on conflict do nothing""", Map.of("org", e.organizationId(), "id", h.householdId()));
        }
    }

    @EventHandler
    void on(TaskAssigned e) {
        writes.update("insert into cmd_task (task_id, organization_id) values (:id, :org) on conflict do nothing",
                Map.of("id", e.taskId(), "org", e.organizationId()));
    }

    @EventHandler
    void on(CommitmentSubmitted e) {
        writes.update("insert into cmd_commitment (commitment_id, organization_id) values (:id, :org) on conflict do nothing",
                Map.of("id", e.commitmentId(), "org", e.organizationId()));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("truncate table cmd_household, cmd_task, cmd_commitment");
    }
}
