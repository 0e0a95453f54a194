package vn.partyledger.ops.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.partyledger.api.organization.OrganizationView;
import vn.partyledger.api.organization.RollView;
import vn.partyledger.api.task.AssignTask;
import vn.partyledger.api.task.AssigningBody;
import vn.partyledger.api.task.FindTaskBoard;
import vn.partyledger.api.task.TaskBoard;
import vn.partyledger.api.task.TaskKind;
import vn.partyledger.ops.web.Commands;

/** The task board (open, overdue, household coverage) and the form that assigns a task with the four clears. */
@Controller
class TaskPages extends Pages {

    private final QueryGateway queries;
    private final Commands commands;
    private final Organizations organizations;
    private final FormSubmissions submissions;
    private final Labels labels;
    private final BusinessDay day;

    TaskPages(QueryGateway queries, Commands commands, Organizations organizations,
              FormSubmissions submissions, Labels labels, BusinessDay day) {
        this.queries = queries;
        this.commands = commands;
        this.organizations = organizations;
        this.submissions = submissions;
        this.labels = labels;
        this.day = day;
    }

    @GetMapping("/web/organizations/{id}/task-board")
    Object board(@PathVariable String id,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                 @RequestParam(required = false) String format, @RequestParam(required = false) String table,
                 Model model) {
        LocalDate on = asOf == null ? day.today() : asOf;
        OrganizationView org = organizations.view(id, on);
        TaskBoard board = queries.query(new FindTaskBoard(id, on), ResponseTypes.instanceOf(TaskBoard.class)).join();
        List<List<Object>> rows = new ArrayList<>();
        for (TaskBoard.OpenTask t : board.tasks()) {
            rows.add(List.of(t.assigneeName() == null ? t.assigneeId() : t.assigneeName(), labels.of(t.kind()),
                    t.description() == null ? "" : t.description(), OrganizationPages.date(t.assignedOn()),
                    OrganizationPages.date(t.dueDate()), t.expectedResult() == null ? "" : t.expectedResult(),
                    labels.yesNo(t.overdue()), String.join(", ", t.householdIds())));
        }
        Table tasks = new Table("tasks", labels.of("board.title", org.name(), board.openTasks(), board.overdueTasks()),
                List.of(labels.of("col.assignee"), labels.of("col.kind"), labels.of("col.description"),
                        labels.of("col.assignedOn"), labels.of("col.dueDate"), labels.of("col.expectedResult"),
                        labels.of("col.overdue"), labels.of("col.households")), rows);
        List<List<Object>> households = new ArrayList<>();
        for (TaskBoard.CoveredHousehold h : board.households().coveredHouseholds()) {
            households.add(List.of(h.householdId(), h.label(), labels.of("common.yes")));
        }
        board.households().uncoveredHouseholds()
                .forEach(h -> households.add(List.of(h.householdId(), h.label(), labels.of("common.no"))));
        Table coverage = new Table("households", labels.of("coverage.title", board.households().covered(),
                board.households().registered()), List.of(labels.of("col.householdId"), labels.of("col.household"),
                labels.of("col.covered")), households);
        if (exporting(format)) {
            return export("households".equals(table) ? coverage : tasks, format, "nhiem-vu");
        }
        model.addAttribute("org", org);
        model.addAttribute("asOf", on);
        model.addAttribute("board", board);
        model.addAttribute("table", tasks);
        model.addAttribute("coverage", coverage);
        return "task-board";
    }

    @GetMapping("/web/organizations/{cellId}/tasks/new")
    String taskForm(@PathVariable String cellId, Model model) {
        OrganizationView cell = organizations.view(cellId, day.today());
        fillForm(model, cell, UUID.randomUUID().toString(), Map.of(), new FormErrors());
        return "task-form";
    }

    private TaskKind kind(String value, FormErrors errors) {
        try {
            return TaskKind.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            errors.add("kind", labels.of("form.choose"));
            return null;
        }
    }

    @PostMapping("/web/organizations/{cellId}/tasks")
    String assign(@PathVariable String cellId, @RequestParam Map<String, String> form, Model model) {
        OrganizationView cell = organizations.view(cellId, day.today());
        FormErrors errors = new FormErrors();
        String key = submissions.validKey(form.get("idempotencyKey")).orElse(null);
        if (key == null) {
            errors.add(null, labels.of("form.noKey"));
        }
        TaskKind kind = kind(form.get("kind"), errors);
        LocalDate occurredOn = date(form.get("occurredOn"), "occurredOn", errors, true);
        // An empty due date is the T1 rule's to refuse (a missing clear), not a malformed date.
        LocalDate dueDate = date(form.get("dueDate"), "dueDate", errors, false);
        if (!errors.isEmpty()) {
            fillForm(model, cell, key == null ? UUID.randomUUID().toString() : key, form, errors);
            return "task-form";
        }
        List<String> households = Arrays.stream(form.getOrDefault("householdIds", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        String taskId = UUID.randomUUID().toString();
        return submissions.submit(key, "/web/organizations/" + cellId + "/tasks", errors,
                () -> commands.send(new AssignTask(taskId, cellId, MeetingPages.blankToNull(form.get("assigneeId")),
                        AssigningBody.CELL, null, kind, MeetingPages.blankToNull(form.get("description")),
                        households, dueDate, MeetingPages.blankToNull(form.get("expectedResult")), occurredOn), null),
                refusal -> errors.add(refusal, labels),
                () -> {
                    fillForm(model, cell, key, form, errors);
                    return "task-form";
                },
                () -> "/web/organizations/" + cellId + "/task-board?assigned=" + taskId);
    }

    private LocalDate date(String value, String field, FormErrors errors, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(field, labels.of("form.badDate"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (RuntimeException e) {
            errors.add(field, labels.of("form.badDate"));
            return null;
        }
    }

    private void fillForm(Model model, OrganizationView cell, String key, Map<String, String> form,
                          FormErrors errors) {
        RollView roll = organizations.roll(cell.organizationId(), day.today());
        model.addAttribute("cell", cell);
        model.addAttribute("members", roll.items().stream().filter(e -> e.status().isOnRoll()).toList());
        model.addAttribute("kinds", TaskKind.values());
        model.addAttribute("today", day.today());
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.byField());
    }
}
