package vn.partyledger.command.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class JdbcHouseholdDirectory implements HouseholdDirectory {

    private final NamedParameterJdbcTemplate jdbc;

    JdbcHouseholdDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> registered(String organizationId, Iterable<String> householdIds) {
        List<String> ids = new ArrayList<>();
        householdIds.forEach(ids::add);
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("""
                        select household_id from cmd_household
                         where organization_id = :org and household_id in (:ids)""",
                Map.of("org", organizationId, "ids", ids), String.class));
    }
}
