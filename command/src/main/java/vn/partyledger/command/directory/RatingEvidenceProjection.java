package vn.partyledger.command.directory;

import java.sql.Types;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.commitment.CommitmentSelfAssessed;
import vn.partyledger.api.commitment.CommitmentSubmitted;
import vn.partyledger.api.meeting.AttendanceCorrected;
import vn.partyledger.api.meeting.AttendanceRecorded;
import vn.partyledger.api.task.TaskAssigned;
import vn.partyledger.api.task.TaskCancelled;
import vn.partyledger.api.task.TaskReassigned;
import vn.partyledger.api.task.TaskResultRecorded;

/**
 * Keeps the rating evidence tables ({@code cmd_rating_task}, {@code cmd_rating_attendance},
 * {@code cmd_rating_commitment}) in the subscribing directory group, so a decision right after a task result sees it.
 * Every write is an upsert or an idempotent update.
 */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
class RatingEvidenceProjection {

    private final NamedParameterJdbcTemplate jdbc;
    private final LookupWrites writes;

    RatingEvidenceProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new LookupWrites(jdbc);
    }

    @EventHandler
    void on(TaskAssigned e) {
        writes.update("""
                insert into cmd_rating_task (task_id, organization_id, assignee_id, description, due_on)
                values (:id, :org, :assignee, :description, :due) on conflict (task_id) do nothing""",
                new MapSqlParameterSource("id", e.taskId()).addValue("org", e.organizationId())
                        .addValue("assignee", e.assigneeId()).addValue("description", e.description())
                        .addValue("due", e.dueDate(), Types.DATE));
    }

    /** A reassigned task counts for the new assignee (T4). */
    @EventHandler
    void on(TaskReassigned e) {
        writes.update("update cmd_rating_task set assignee_id = :assignee where task_id = :id",
                Map.of("id", e.taskId(), "assignee", e.assigneeId()));
    }

    @EventHandler
    void on(TaskResultRecorded e) {
        writes.update("update cmd_rating_task set completed_on = :on, late = :late where task_id = :id",
                new MapSqlParameterSource("id", e.taskId()).addValue("on", e.completedOn(), Types.DATE)
                        .addValue("late", e.late()));
    }

    @EventHandler
    void on(TaskCancelled e) {
        writes.update("update cmd_rating_task set cancelled = true where task_id = :id", Map.of("id", e.taskId()));
    }

    @EventHandler
    void on(AttendanceRecorded e) {
        writes.update("""
                insert into cmd_rating_attendance (meeting_id, member_id, held_on, status)
                values (:meeting, :member, :on, :status)
                on conflict (meeting_id, member_id) do update set status = excluded.status""",
                new MapSqlParameterSource("meeting", e.meetingId()).addValue("member", e.memberId())
                        .addValue("on", e.heldOn(), Types.DATE).addValue("status", e.status().name()));
    }

    /** A corrected attendance is judged as corrected: an absence excused later no longer counts against P12. */
    @EventHandler
    void on(AttendanceCorrected e) {
        writes.update("update cmd_rating_attendance set status = :status where meeting_id = :meeting and member_id = :m",
                Map.of("meeting", e.meetingId(), "m", e.memberId(), "status", e.status().name()));
    }

    @EventHandler
    void on(CommitmentSubmitted e) {
        writes.update("""
                insert into cmd_rating_commitment (commitment_id, member_id, year) values (:id, :member, :year)
                on conflict (commitment_id) do nothing""",
                Map.of("id", e.commitmentId(), "member", e.memberId(), "year", e.year()));
    }

    @EventHandler
    void on(CommitmentSelfAssessed e) {
        writes.update("update cmd_rating_commitment set fulfilled = :fulfilled where commitment_id = :id",
                Map.of("id", e.commitmentId(), "fulfilled", e.fulfilled()));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("truncate table cmd_rating_task, cmd_rating_attendance, cmd_rating_commitment");
    }
}
