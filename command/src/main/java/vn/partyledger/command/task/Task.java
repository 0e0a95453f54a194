package vn.partyledger.command.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.Refusal;
import vn.partyledger.api.task.AssignTask;
import vn.partyledger.api.task.CancelTask;
import vn.partyledger.api.task.EvaluateTask;
import vn.partyledger.api.task.ReassignTask;
import vn.partyledger.api.task.RecordTaskResult;
import vn.partyledger.api.task.ReportTaskProgress;
import vn.partyledger.api.task.TaskAssigned;
import vn.partyledger.api.task.CorrectTaskAssignment;
import vn.partyledger.api.task.TaskAssignmentCorrected;
import vn.partyledger.api.task.TaskCancelled;
import vn.partyledger.api.task.TaskEvaluated;
import vn.partyledger.api.task.TaskKind;
import vn.partyledger.api.task.TaskProgressReported;
import vn.partyledger.api.task.TaskReassigned;
import vn.partyledger.api.task.TaskResultRecorded;
import vn.partyledger.command.directory.HouseholdDirectory;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.command.directory.OrganizationEntry;

/** One task given by a cell to one of its members (§2.4), from assignment to evaluation or cancellation. */
@Aggregate
class Task {

    private enum Status { OPEN, RESULT_RECORDED, EVALUATED, CANCELLED }

    @AggregateIdentifier
    private String taskId;
    private String organizationId;
    private String assigneeId;
    private LocalDate assignedOn;
    private LocalDate dueDate;
    private String description;
    private String expectedResult;
    private LocalDate completedOn;
    private Status status;

    Task() {
    }

    @CommandHandler
    Task(AssignTask c, OrganizationDirectory organizations, MemberDirectory members, HouseholdDirectory households,
         TaskRules rules) {
        requiredText(c.taskId(), "taskId");
        LocalDate on = required(c.occurredOn(), "occurredOn");
        required(c.kind(), "kind");
        required(c.assignedBy(), "assignedBy");
        rules.at(on).fourClears().check(c.assigneeId(), c.description(), c.dueDate(), c.expectedResult());
        if (c.dueDate().isBefore(on)) {
            throw LedgerRefusalException.invalid("dueDate", "the due date " + c.dueDate()
                    + " is before the assignment date " + on);
        }
        requireActiveCell(organizations, requiredText(c.organizationId(), "organizationId"));
        requireActiveMember(members, c.assigneeId(), c.organizationId());
        List<String> covered = c.householdIds() == null ? List.of() : c.householdIds();
        if (c.kind() == TaskKind.HOUSEHOLD_GROUP) {
            requireHouseholds(households, c.organizationId(), covered);
        } else if (!covered.isEmpty()) {
            throw LedgerRefusalException.invalid("householdIds", "only a HOUSEHOLD_GROUP task covers households");
        }
        apply(new TaskAssigned(c.taskId(), c.organizationId(), c.assigneeId(), c.assignedBy(), c.meetingId(), c.kind(),
                c.description(), List.copyOf(covered), c.dueDate(), c.expectedResult(), on));
    }

    /**
     * The corrected assignment passes the assignment's rules again: the four clears of T1 under the rules of the
     * assignment date, and a due date not before it. Only an open task is corrected: a recorded result was judged
     * late or on time against the due date it had.
     */
    @CommandHandler
    void handle(CorrectTaskAssignment c, TaskRules rules) {
        requiredText(c.correctsEventId(), "correctsEventId");
        required(c.occurredOn(), "occurredOn");
        requireStatus(Status.OPEN, "correct the assignment of");
        String newDescription = c.description() != null ? c.description() : description;
        LocalDate newDue = c.dueDate() != null ? c.dueDate() : dueDate;
        String newExpected = c.expectedResult() != null ? c.expectedResult() : expectedResult;
        rules.at(assignedOn).fourClears().check(assigneeId, newDescription, newDue, newExpected);
        if (newDue.isBefore(assignedOn)) {
            throw LedgerRefusalException.invalid("replacement.dueDate", "the due date " + newDue
                    + " is before the assignment date " + assignedOn);
        }
        apply(new TaskAssignmentCorrected(taskId, organizationId, assigneeId, newDescription, newDue, newExpected,
                c.correctsEventId()));
    }

    @EventSourcingHandler
    void on(TaskAssignmentCorrected e) {
        description = e.description();
        dueDate = e.dueDate();
        expectedResult = e.expectedResult();
    }

    @CommandHandler
    void handle(ReportTaskProgress c) {
        requiredText(c.note(), "note");
        LocalDate on = notBeforeAssignment(c.occurredOn());
        requireStatus(Status.OPEN, "report progress on");
        apply(new TaskProgressReported(taskId, organizationId, assigneeId, c.note(), on));
    }

    @CommandHandler
    void handle(RecordTaskResult c) {
        required(c.outcome(), "outcome");
        requiredText(c.evidence(), "evidence");
        LocalDate on = notBeforeAssignment(c.occurredOn());
        requireStatus(Status.OPEN, "record a result of");
        apply(new TaskResultRecorded(taskId, organizationId, assigneeId, c.outcome(), c.evidence(), on,
                on.isAfter(dueDate)));
    }

    @CommandHandler
    void handle(EvaluateTask c) {
        required(c.level(), "level");
        LocalDate on = notBeforeAssignment(c.occurredOn());
        requireStatus(Status.RESULT_RECORDED, "evaluate");
        if (on.isBefore(completedOn)) {
            throw LedgerRefusalException.invalid("occurredOn", "the result was recorded on " + completedOn);
        }
        apply(new TaskEvaluated(taskId, organizationId, assigneeId, c.level(), c.remarks(), on));
    }

    @CommandHandler
    void handle(ReassignTask c, MemberDirectory members) {
        requiredText(c.assigneeId(), "assigneeId");
        requiredText(c.reason(), "reason");
        LocalDate on = notBeforeAssignment(c.occurredOn());
        requireStatus(Status.OPEN, "reassign");
        if (c.assigneeId().equals(assigneeId)) {
            throw LedgerRefusalException.invalid("assigneeId", "the task is already assigned to " + assigneeId);
        }
        requireActiveMember(members, c.assigneeId(), organizationId);
        apply(new TaskReassigned(taskId, organizationId, assigneeId, c.assigneeId(), c.reason(), on));
    }

    @CommandHandler
    void handle(CancelTask c) {
        requiredText(c.reason(), "reason");
        LocalDate on = notBeforeAssignment(c.occurredOn());
        requireStatus(Status.OPEN, "cancel");
        apply(new TaskCancelled(taskId, organizationId, assigneeId, c.reason(), on));
    }

    @EventSourcingHandler
    void on(TaskAssigned e) {
        taskId = e.taskId();
        organizationId = e.organizationId();
        assigneeId = e.assigneeId();
        assignedOn = e.assignedOn();
        dueDate = e.dueDate();
        description = e.description();
        expectedResult = e.expectedResult();
        status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(TaskResultRecorded e) {
        completedOn = e.completedOn();
        status = Status.RESULT_RECORDED;
    }

    @EventSourcingHandler
    void on(TaskEvaluated e) {
        status = Status.EVALUATED;
    }

    @EventSourcingHandler
    void on(TaskReassigned e) {
        assigneeId = e.assigneeId();
    }

    @EventSourcingHandler
    void on(TaskCancelled e) {
        status = Status.CANCELLED;
    }

    private void requireStatus(Status expected, String action) {
        if (status != expected) {
            throw LedgerRefusalException.state("cannot " + action + " task " + taskId + ": it is "
                    + status.name().toLowerCase().replace('_', ' '));
        }
    }

    private LocalDate notBeforeAssignment(LocalDate on) {
        required(on, "occurredOn");
        if (on.isBefore(assignedOn)) {
            throw LedgerRefusalException.invalid("occurredOn", "the task was assigned on " + assignedOn);
        }
        return on;
    }

    private static void requireActiveCell(OrganizationDirectory organizations, String organizationId) {
        OrganizationEntry cell = organizations.find(organizationId).orElseThrow(() ->
                LedgerRefusalException.notFound("organizationId", "no organisation " + organizationId));
        if (cell.level() != OrganizationLevel.CELL || !cell.active()) {
            throw refused("organizationId", "tasks are assigned by an active cell; " + organizationId + " is not one");
        }
    }

    /** Only members on the cell's own roll (probationary or official) take its tasks. */
    private static void requireActiveMember(MemberDirectory members, String memberId, String organizationId) {
        MemberEntry member = members.find(memberId).orElseThrow(() ->
                LedgerRefusalException.notFound("assigneeId", "no member " + memberId));
        if (!member.status().isOnRoll() || !organizationId.equals(member.organizationId())) {
            throw refused("assigneeId", "member " + memberId + " is not an active member of cell " + organizationId);
        }
    }

    private static void requireHouseholds(HouseholdDirectory households, String organizationId, List<String> ids) {
        if (ids.isEmpty()) {
            throw LedgerRefusalException.invalid("householdIds", "a household group names the households it covers");
        }
        Set<String> registered = households.registered(organizationId, ids);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || !seen.add(id)) {
                throw LedgerRefusalException.invalid("householdIds[" + i + "]", "is missing or repeated");
            }
            if (!registered.contains(id)) {
                throw LedgerRefusalException.notFound("householdIds[" + i + "]",
                        "household " + id + " is not registered in cell " + organizationId);
            }
        }
    }

    private static LedgerRefusalException refused(String field, String message) {
        return new LedgerRefusalException(new Refusal(Refusal.Kind.RULE, field, message, null, null));
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw LedgerRefusalException.invalid(field, "is required");
        }
        return value;
    }

    private static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw LedgerRefusalException.invalid(field, "is required");
        }
        return value;
    }
}
