package vn.partyledger.query.task;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import vn.partyledger.query.BatchWrites;
import vn.partyledger.query.ProjectionPositions;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.task.FindTaskBoard;
import vn.partyledger.api.task.FindTaskOutcomes;
import vn.partyledger.api.task.Household;
import vn.partyledger.api.task.HouseholdsRegistered;
import vn.partyledger.api.task.TaskAssigned;
import vn.partyledger.api.task.TaskAssignmentCorrected;
import vn.partyledger.api.task.TaskBoard;
import vn.partyledger.api.task.TaskCancelled;
import vn.partyledger.api.task.TaskEvaluated;
import vn.partyledger.api.task.TaskKind;
import vn.partyledger.api.task.TaskLevel;
import vn.partyledger.api.task.TaskOutcome;
import vn.partyledger.api.task.TaskOutcomes;
import vn.partyledger.api.task.TaskProgressReported;
import vn.partyledger.api.task.TaskReassigned;
import vn.partyledger.api.task.TaskResultRecorded;
import vn.partyledger.query.member.MemberRollProjection;
import vn.partyledger.query.rollup.Subtree;

/**
 * Tasks of each cell with their dates, so that "open on d" and "overdue on d" are SQL filters, and the households
 * registered per cell for coverage. A task is open on d when assigned by d and neither its result nor its
 * cancellation is dated on or before d. A household is covered on d when an open HOUSEHOLD_GROUP task names it.
 */
@Component
@ProcessingGroup(TaskBoardProjection.NAME)
public class TaskBoardProjection {

    public static final String NAME = "task-board";
    /** Bump when the tables or their meaning change. */
    public static final int VERSION = 1;

    private static final String OPEN_ON_DAY = " (t.assigned_on <= :d and (t.completed_on is null or t.completed_on > :d)"
            + " and (t.cancelled_on is null or t.cancelled_on > :d)) ";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    public TaskBoardProjection(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    TaskBoardProjection(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(HouseholdsRegistered e, TrackingToken token) {
        long position = position(token);
        for (Household h : e.households()) {
            BatchWrites.update(jdbc, """
                    insert into task_board_household (organization_id, household_id, label, registered_on, last_position)
                    values (:org, :household, :label, :on, :position)
                    on conflict (organization_id, household_id) do update
                       set label = excluded.label, registered_on = excluded.registered_on,
                           last_position = excluded.last_position""",
                    new MapSqlParameterSource("org", e.organizationId()).addValue("household", h.householdId())
                            .addValue("label", h.label()).addValue("on", e.registeredOn(), Types.DATE)
                            .addValue("position", position));
        }
        advance(position);
    }

    @EventHandler
    void on(TaskAssigned e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                insert into task_board_task (task_id, organization_id, assignee_id, assigned_by, meeting_id, kind,
                       description, assigned_on, due_date, expected_result, last_position)
                values (:task, :org, :assignee, :by, :meeting, :kind, :description, :on, :due, :expected, :position)
                on conflict (task_id) do nothing""",
                task(e.taskId(), position).addValue("org", e.organizationId()).addValue("assignee", e.assigneeId())
                        .addValue("by", e.assignedBy().name()).addValue("meeting", e.meetingId())
                        .addValue("kind", e.kind().name()).addValue("description", e.description())
                        .addValue("on", e.assignedOn(), Types.DATE).addValue("due", e.dueDate(), Types.DATE)
                        .addValue("expected", e.expectedResult()));
        for (String household : e.householdIds()) {
            BatchWrites.update(jdbc, """
                    insert into task_board_task_household (task_id, household_id, last_position)
                    values (:task, :household, :position) on conflict do nothing""",
                    task(e.taskId(), position).addValue("household", household));
        }
        advance(position);
    }

    /** The board shows the corrected assignment; the history keeps what was first recorded. */
    @EventHandler
    void on(TaskAssignmentCorrected e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                update task_board_task set description = :description, due_date = :due, expected_result = :expected,
                       last_position = :position
                 where task_id = :task""",
                task(e.taskId(), position).addValue("description", e.description())
                        .addValue("due", e.dueDate(), Types.DATE).addValue("expected", e.expectedResult()));
        advance(position);
    }

    @EventHandler
    void on(TaskProgressReported e, TrackingToken token) {
        long position = position(token);
        // One statement: a redelivered report is not inserted again and so not counted again.
        BatchWrites.update(jdbc, """
                with added as (insert into task_board_progress (task_id, position, reported_on, note)
                               values (:task, :position, :on, :note) on conflict do nothing returning 1)
                update task_board_task set progress_notes = progress_notes + (select count(*) from added),
                       last_position = greatest(last_position, :position)
                 where task_id = :task""",
                task(e.taskId(), position).addValue("on", e.reportedOn(), Types.DATE).addValue("note", e.note()));
        advance(position);
    }

    @EventHandler
    void on(TaskResultRecorded e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                update task_board_task set outcome = :outcome, evidence = :evidence, completed_on = :on, late = :late,
                       last_position = greatest(last_position, :position)
                 where task_id = :task""",
                task(e.taskId(), position).addValue("outcome", e.outcome().name()).addValue("evidence", e.evidence())
                        .addValue("on", e.completedOn(), Types.DATE).addValue("late", e.late()));
        advance(position);
    }

    @EventHandler
    void on(TaskEvaluated e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                update task_board_task set level = :level, evaluated_on = :on, last_position = greatest(last_position, :position)
                 where task_id = :task""",
                task(e.taskId(), position).addValue("level", e.level().name())
                        .addValue("on", e.evaluatedOn(), Types.DATE));
        advance(position);
    }

    @EventHandler
    void on(TaskReassigned e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, "update task_board_task set assignee_id = :assignee, last_position = greatest(last_position, :position) where task_id = :task",
                task(e.taskId(), position).addValue("assignee", e.assigneeId()));
        advance(position);
    }

    @EventHandler
    void on(TaskCancelled e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                update task_board_task set cancelled_on = :on, cancel_reason = :reason, last_position = greatest(last_position, :position)
                 where task_id = :task""",
                task(e.taskId(), position).addValue("on", e.cancelledOn(), Types.DATE).addValue("reason", e.reason()));
        advance(position);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from task_board_task_household", Map.of());
        jdbc.update("delete from task_board_progress", Map.of());
        jdbc.update("delete from task_board_task", Map.of());
        jdbc.update("delete from task_board_household", Map.of());
        jdbc.update("delete from projection_position where projection = :projection",
                new MapSqlParameterSource("projection", NAME));
    }

    @QueryHandler
    TaskBoard handle(FindTaskBoard query) {
        Provenance provenance = provenance();
        LocalDate d = query.asOf() != null ? query.asOf() : LocalDate.ofInstant(clock.instant(), Subtree.LEDGER_ZONE);
        Integer known = jdbc.queryForObject("select count(*) from org_tree_organization where organization_id = :org",
                new MapSqlParameterSource("org", query.organizationId()), Integer.class);
        if (known == null || known == 0) {
            throw new NoSuchElementException("no organization " + query.organizationId() + " in the tree");
        }
        var p = new MapSqlParameterSource("org", query.organizationId()).addValue("d", d, Types.DATE);
        Map<String, List<String>> householdsOf = new HashMap<>();
        jdbc.query("""
                select h.task_id, h.household_id from task_board_task_household h join task_board_task t using (task_id)
                 where t.organization_id = :org and """ + OPEN_ON_DAY + " order by h.household_id", p,
                rs -> {
                    householdsOf.computeIfAbsent(rs.getString("task_id"), k -> new ArrayList<>())
                            .add(rs.getString("household_id"));
                });
        List<TaskBoard.OpenTask> tasks = jdbc.query("""
                        select t.*, m.full_name from task_board_task t left join member_roll_member m
                               on m.member_id = t.assignee_id
                         where t.organization_id = :org and """ + OPEN_ON_DAY + """
                         order by t.due_date, t.assigned_on, t.task_id""", p,
                (rs, n) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    return new TaskBoard.OpenTask(rs.getString("task_id"), rs.getString("assignee_id"),
                            rs.getString("full_name"), TaskKind.valueOf(rs.getString("kind")),
                            rs.getString("description"), rs.getObject("assigned_on", LocalDate.class), due,
                            rs.getString("expected_result"), due.isBefore(d),
                            householdsOf.getOrDefault(rs.getString("task_id"), List.of()));
                });
        // A household named by several open tasks is covered once, by the task that falls due first.
        Map<String, TaskBoard.CoveredHousehold> covered = new LinkedHashMap<>();
        List<Household> uncovered = new ArrayList<>();
        Map<String, TaskBoard.OpenTask> coveringTask = new LinkedHashMap<>();
        for (TaskBoard.OpenTask t : tasks) {
            if (t.kind() == TaskKind.HOUSEHOLD_GROUP) {
                t.householdIds().forEach(h -> coveringTask.putIfAbsent(h, t));
            }
        }
        jdbc.query("""
                select household_id, label from task_board_household
                 where organization_id = :org and registered_on <= :d order by household_id""", p, rs -> {
            String id = rs.getString("household_id");
            TaskBoard.OpenTask t = coveringTask.get(id);
            if (t == null) {
                uncovered.add(new Household(id, rs.getString("label")));
            } else {
                covered.put(id, new TaskBoard.CoveredHousehold(id, rs.getString("label"), t.assigneeId(), t.taskId()));
            }
        });
        int overdue = (int) tasks.stream().filter(TaskBoard.OpenTask::overdue).count();
        return new TaskBoard(query.organizationId(), d, tasks.size(), overdue, tasks,
                new TaskBoard.Coverage(covered.size() + uncovered.size(), covered.size(), uncovered.size(),
                        List.copyOf(covered.values()), uncovered),
                provenance);
    }

    /** Tasks due in the year and currently held by the member, with their state today (T4: the rating reads this). */
    @QueryHandler
    TaskOutcomes handle(FindTaskOutcomes query) {
        Provenance provenance = provenance();
        LocalDate today = LocalDate.ofInstant(clock.instant(), Subtree.LEDGER_ZONE);
        Integer known = jdbc.queryForObject("select count(*) from member_roll_member where member_id = :member",
                new MapSqlParameterSource("member", query.memberId()), Integer.class);
        if (known == null || known == 0) {
            throw new NoSuchElementException("no member " + query.memberId() + " in the member roll");
        }
        List<TaskOutcomes.Item> items = jdbc.query("""
                        select * from task_board_task
                         where assignee_id = :member and due_date >= :from and due_date < :to
                         order by due_date, assigned_on, task_id""",
                new MapSqlParameterSource("member", query.memberId())
                        .addValue("from", LocalDate.of(query.year(), 1, 1), Types.DATE)
                        .addValue("to", LocalDate.of(query.year() + 1, 1, 1), Types.DATE),
                (rs, n) -> new TaskOutcomes.Item(rs.getString("task_id"), rs.getString("organization_id"),
                        TaskKind.valueOf(rs.getString("kind")), rs.getString("description"),
                        rs.getObject("due_date", LocalDate.class), status(rs.getObject("cancelled_on") != null,
                        rs.getObject("completed_on") != null, rs.getString("level") != null),
                        rs.getString("outcome") == null ? null : TaskOutcome.valueOf(rs.getString("outcome")),
                        rs.getBoolean("late"),
                        rs.getString("level") == null ? null : TaskLevel.valueOf(rs.getString("level"))));
        int open = 0;
        int completed = 0;
        int late = 0;
        int overdue = 0;
        int cancelled = 0;
        Map<TaskLevel, Integer> evaluations = new EnumMap<>(TaskLevel.class);
        for (TaskOutcomes.Item item : items) {
            switch (item.status()) {
                case "OPEN" -> {
                    open++;
                    if (item.dueDate().isBefore(today)) {
                        overdue++;
                    }
                }
                case "CANCELLED" -> cancelled++;
                default -> {
                    completed++;
                    if (item.late()) {
                        late++;
                    }
                }
            }
            if (item.level() != null) {
                evaluations.merge(item.level(), 1, Integer::sum);
            }
        }
        return new TaskOutcomes(query.memberId(), query.year(), items.size(), open, completed, late, overdue, cancelled,
                evaluations, items, provenance);
    }

    private static String status(boolean cancelled, boolean completed, boolean evaluated) {
        if (cancelled) {
            return "CANCELLED";
        }
        if (evaluated) {
            return "EVALUATED";
        }
        return completed ? "RESULT_RECORDED" : "OPEN";
    }

    private Provenance provenance() {
        return ProjectionPositions.provenance(jdbc, NAME, VERSION, List.of(NAME, MemberRollProjection.NAME));
    }

    private void advance(long position) {
        ProjectionPositions.advance(jdbc, NAME, position);
    }

    private static MapSqlParameterSource task(String taskId, long position) {
        return new MapSqlParameterSource("task", taskId).addValue("position", position);
    }

    private static long position(TrackingToken token) {
        return ProjectionPositions.of(token);
    }
}
