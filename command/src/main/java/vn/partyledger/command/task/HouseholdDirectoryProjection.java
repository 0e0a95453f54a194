package vn.partyledger.command.task;

import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.task.Household;
import vn.partyledger.api.task.HouseholdsRegistered;

/**
 * Keeps {@code cmd_household} for {@link HouseholdDirectory}. Subscribing, in the transaction that stores the event,
 * so a task assigned right after the registration sees the households.
 */
@Component
@ProcessingGroup(HouseholdDirectoryProjection.PROCESSING_GROUP)
class HouseholdDirectoryProjection {

    static final String PROCESSING_GROUP = "task-directory";

    private final NamedParameterJdbcTemplate jdbc;

    HouseholdDirectoryProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HouseholdsRegistered e) {
        for (Household h : e.households()) {
            jdbc.update("""
                    insert into cmd_household (organization_id, household_id) values (:org, :id)
                    on conflict do nothing""", Map.of("org", e.organizationId(), "id", h.householdId()));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("truncate table cmd_household");
    }
}
