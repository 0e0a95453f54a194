package vn.partyledger.ops.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.api.task.AssignTask;
import vn.partyledger.api.task.AssigningBody;
import vn.partyledger.api.task.CancelTask;
import vn.partyledger.api.task.EvaluateTask;
import vn.partyledger.api.task.FindTaskBoard;
import vn.partyledger.api.task.FindTaskOutcomes;
import vn.partyledger.api.task.Household;
import vn.partyledger.api.task.ReassignTask;
import vn.partyledger.api.task.RecordTaskResult;
import vn.partyledger.api.task.RegisterHouseholds;
import vn.partyledger.api.task.ReportTaskProgress;
import vn.partyledger.api.task.TaskBoard;
import vn.partyledger.api.task.TaskKind;
import vn.partyledger.api.task.TaskLevel;
import vn.partyledger.api.task.TaskOutcome;
import vn.partyledger.api.task.TaskOutcomes;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.ops.web.AuthorityDto;
import vn.partyledger.ops.web.Commands;
import vn.partyledger.ops.web.Created;
import vn.partyledger.ops.web.Reads;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * Tasks a cell gives its members (§2.4) and the households its household groups oversee. The four clears (assignee,
 * description, dueDate, expectedResult) are deliberately not Bean-Validated here: rule T1 refuses a missing one with
 * its code and basis, the same way whichever client sends the command.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tasks", description = "Tasks assigned to members (giao nhiệm vụ), household groups and task outcomes")
class TaskController {

    private static final String TASKS = "/api/v1/tasks";

    private final Commands commands;
    private final QueryGateway queries;
    private final OrganizationDirectory organizations;
    private final MemberDirectory members;

    TaskController(Commands commands, QueryGateway queries, OrganizationDirectory organizations,
                   MemberDirectory members) {
        this.commands = commands;
        this.queries = queries;
        this.organizations = organizations;
        this.members = members;
    }

    record HouseholdDto(@NotBlank @Size(max = 50) String householdId, @Size(max = 200) String label) {
    }

    record HouseholdsRequest(@NotEmpty @Size(max = 2000) List<@Valid @NotNull HouseholdDto> households,
                             @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/organizations/{cellId}/households")
    @Operation(summary = "Add households of the cell's area to its list (the universe of household-group coverage)")
    ResponseEntity<Created> registerHouseholds(@PathVariable String cellId, @Valid @RequestBody HouseholdsRequest r) {
        knownOrganization(cellId);
        List<Household> households = r.households().stream()
                .map(h -> new Household(h.householdId(), h.label())).toList();
        commands.send(new RegisterHouseholds(RegisterHouseholds.listIdOf(cellId), cellId, households, r.occurredOn()),
                r.authority());
        return Created.accepted("/api/v1/organizations/" + cellId + "/households", cellId);
    }

    record AssignmentRequest(String assigneeId, @NotNull AssigningBody assignedBy, @Size(max = 100) String meetingId,
                             @NotNull TaskKind kind, @Size(max = 2000) String description,
                             @Size(max = 500) List<@NotBlank String> householdIds, LocalDate dueDate,
                             @Size(max = 2000) String expectedResult, @NotNull @PastOrPresent LocalDate occurredOn,
                             @Valid AuthorityDto authority) {
    }

    @PostMapping("/organizations/{cellId}/tasks")
    @Operation(summary = "Assign a task to a member of the cell with the four clears: who, what, by when, expected result")
    ResponseEntity<Created> assign(@PathVariable String cellId, @Valid @RequestBody AssignmentRequest r) {
        knownOrganization(cellId);
        String id = UUID.randomUUID().toString();
        commands.send(new AssignTask(id, cellId, r.assigneeId(), r.assignedBy(), r.meetingId(), r.kind(),
                r.description(), r.householdIds() == null ? List.of() : r.householdIds(), r.dueDate(),
                r.expectedResult(), r.occurredOn()), r.authority());
        return Created.at(TASKS, id);
    }

    record ProgressRequest(@NotBlank @Size(max = 2000) String note, @NotNull @PastOrPresent LocalDate occurredOn,
                           @Valid AuthorityDto authority) {
    }

    @PostMapping("/tasks/{id}/progress")
    @Operation(summary = "Report progress on an open task")
    ResponseEntity<Created> progress(@PathVariable String id, @Valid @RequestBody ProgressRequest r) {
        commands.send(new ReportTaskProgress(id, r.note(), r.occurredOn()), r.authority());
        return Created.accepted(TASKS, id);
    }

    record ResultRequest(@NotNull TaskOutcome outcome, @NotBlank @Size(max = 2000) String evidence,
                         @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/tasks/{id}/result")
    @Operation(summary = "Record the task's result with its evidence")
    ResponseEntity<Created> result(@PathVariable String id, @Valid @RequestBody ResultRequest r) {
        commands.send(new RecordTaskResult(id, r.outcome(), r.evidence(), r.occurredOn()),
                r.authority());
        return Created.accepted(TASKS, id);
    }

    record EvaluationRequest(@NotNull TaskLevel level, @Size(max = 2000) String remarks,
                             @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/tasks/{id}/evaluation")
    @Operation(summary = "The cell evaluates the recorded result (feeds the member's annual rating)")
    ResponseEntity<Created> evaluate(@PathVariable String id, @Valid @RequestBody EvaluationRequest r) {
        commands.send(new EvaluateTask(id, r.level(), r.remarks(), r.occurredOn()), r.authority());
        return Created.accepted(TASKS, id);
    }

    record ReassignmentRequest(@NotBlank String assigneeId, @NotBlank @Size(max = 500) String reason,
                               @NotNull @PastOrPresent LocalDate occurredOn, @Valid AuthorityDto authority) {
    }

    @PostMapping("/tasks/{id}/reassignment")
    @Operation(summary = "Give the open task to another member of the cell")
    ResponseEntity<Created> reassign(@PathVariable String id, @Valid @RequestBody ReassignmentRequest r) {
        commands.send(new ReassignTask(id, r.assigneeId(), r.reason(), r.occurredOn()),
                r.authority());
        return Created.accepted(TASKS, id);
    }

    record CancellationRequest(@NotBlank @Size(max = 500) String reason, @NotNull @PastOrPresent LocalDate occurredOn,
                               @Valid AuthorityDto authority) {
    }

    @PostMapping("/tasks/{id}/cancellation")
    @Operation(summary = "Cancel an open task")
    ResponseEntity<Created> cancel(@PathVariable String id, @Valid @RequestBody CancellationRequest r) {
        commands.send(new CancelTask(id, r.reason(), r.occurredOn()), r.authority());
        return Created.accepted(TASKS, id);
    }

    @GetMapping("/organizations/{id}/task-board")
    @Operation(summary = "Open and overdue tasks of the cell and its household coverage, as of a date")
    ResponseEntity<TaskBoard> board(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        knownOrganization(id);
        TaskBoard board = queries.query(new FindTaskBoard(id, asOf), ResponseTypes.instanceOf(TaskBoard.class)).join();
        return Reads.ok(board, board.provenance());
    }

    @GetMapping("/members/{id}/task-outcomes")
    @Operation(summary = "The member's tasks due in the year and how they ended (read by the annual rating)")
    ResponseEntity<TaskOutcomes> outcomes(@PathVariable String id, @RequestParam @Min(1930) @Max(2100) int year) {
        members.find(id).orElseThrow(() -> new UnknownResourceException("no member " + id));
        TaskOutcomes outcomes = queries.query(new FindTaskOutcomes(id, year),
                ResponseTypes.instanceOf(TaskOutcomes.class)).join();
        return Reads.ok(outcomes, outcomes.provenance());
    }


    private void knownOrganization(String id) {
        if (organizations.find(id).isEmpty()) {
            throw new UnknownResourceException("no organisation " + id);
        }
    }
}
