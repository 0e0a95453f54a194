package vn.partyledger.command.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.partyledger.api.commitment.CommitmentSections;
import vn.partyledger.api.commitment.CommitmentSubmitted;
import vn.partyledger.api.task.AssigningBody;
import vn.partyledger.api.task.Household;
import vn.partyledger.api.task.HouseholdsRegistered;
import vn.partyledger.api.task.TaskAssigned;
import vn.partyledger.api.task.TaskKind;

class TaskDirectoryProjectionTest {

    private static final LocalDate D = LocalDate.of(2020, 3, 23);
    private static final String CELL = "na-tong-ban-1";
    private static final String OTHER_CELL = "na-tong-ban-2";

    private static final NamedParameterJdbcTemplate jdbc = LookupDatabase.jdbc();

    private final TaskDirectoryProjection projection = new TaskDirectoryProjection(jdbc);
    private final JdbcHouseholdDirectory households = new JdbcHouseholdDirectory(jdbc);
    private final JdbcTaskDirectory records = new JdbcTaskDirectory(jdbc);

    @BeforeEach
    void emptyTables() {
        projection.reset();
    }

    private void feed() {
        projection.on(new HouseholdsRegistered("households:" + CELL, CELL,
                List.of(new Household("h-1", "Lò Văn Tâm"), new Household("h-2", "Vì Thị Hoa")), D));
        projection.on(new HouseholdsRegistered("households:" + OTHER_CELL, OTHER_CELL,
                List.of(new Household("h-3", "Cầm Văn Sơn")), D));
        projection.on(new TaskAssigned("task-1", CELL, "member-1", AssigningBody.CELL, null, TaskKind.HOUSEHOLD_GROUP,
                "group 1", List.of("h-1"), D.plusMonths(6), "no breach", D));
        projection.on(new CommitmentSubmitted("member-1:2020", CELL, "member-1", 2020,
                new CommitmentSections("a", "b", "c", "d", "e", "f"), D));
    }

    @Test
    void householdsAreFoundOnlyInTheirOwnCell() {
        feed();

        assertThat(households.registered(CELL, List.of("h-1", "h-2", "h-3", "h-9"))).isEqualTo(Set.of("h-1", "h-2"));
        assertThat(households.registered(OTHER_CELL, List.of("h-1", "h-3"))).isEqualTo(Set.of("h-3"));
        assertThat(households.registered(CELL, List.of())).isEmpty();
    }

    @Test
    void tasksAndCommitmentsAreFoundInTheirCell() {
        feed();

        assertThat(records.cellOfTask("task-1")).contains(CELL);
        assertThat(records.cellOfTask("task-9")).isEmpty();
        assertThat(records.cellOfCommitment("member-1:2020")).contains(CELL);
        assertThat(records.cellOfCommitment("member-1:2021")).isEmpty();
    }

    @Test
    void replayAfterResetRebuildsTheSameRows() {
        feed();
        List<List<Map<String, Object>>> before = rows();

        projection.reset();
        feed();
        feed();

        assertThat(rows()).isEqualTo(before);
    }

    private List<List<Map<String, Object>>> rows() {
        return List.of(
                jdbc.queryForList("select * from cmd_household order by organization_id, household_id", Map.of()),
                jdbc.queryForList("select * from cmd_task order by task_id", Map.of()),
                jdbc.queryForList("select * from cmd_commitment order by commitment_id", Map.of()));
    }
}
