package vn.partyledger.command.directory;

import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class JdbcTaskDirectory implements TaskDirectory {

    private final NamedParameterJdbcTemplate jdbc;

    JdbcTaskDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> cellOfTask(String taskId) {
        return jdbc.queryForList("select organization_id from cmd_task where task_id = :id", Map.of("id", taskId),
                String.class).stream().findFirst();
    }

    @Override
    public Optional<String> cellOfCommitment(String commitmentId) {
        return jdbc.queryForList("select organization_id from cmd_commitment where commitment_id = :id",
                Map.of("id", commitmentId), String.class).stream().findFirst();
    }
}
