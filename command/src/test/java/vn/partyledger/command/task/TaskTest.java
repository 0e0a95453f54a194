package vn.partyledger.command.task;

import vn.partyledger.command.Refusals;
import vn.partyledger.command.InMemoryOrganizationDirectory;

import static vn.partyledger.api.rules.Refusal.Kind.INVALID_INPUT;
import static vn.partyledger.api.rules.Refusal.Kind.NOT_FOUND;
import static vn.partyledger.api.rules.Refusal.Kind.RULE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.task.AssignTask;
import vn.partyledger.api.task.AssigningBody;
import vn.partyledger.api.task.CancelTask;
import vn.partyledger.api.task.EvaluateTask;
import vn.partyledger.api.task.ReassignTask;
import vn.partyledger.api.task.RecordTaskResult;
import vn.partyledger.api.task.ReportTaskProgress;
import vn.partyledger.api.task.TaskAssigned;
import vn.partyledger.api.task.TaskCancelled;
import vn.partyledger.api.task.TaskEvaluated;
import vn.partyledger.api.task.TaskKind;
import vn.partyledger.api.task.TaskLevel;
import vn.partyledger.api.task.TaskOutcome;
import vn.partyledger.api.task.TaskProgressReported;
import vn.partyledger.api.task.TaskReassigned;
import vn.partyledger.api.task.TaskResultRecorded;
import vn.partyledger.command.directory.HouseholdDirectory;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;
import vn.partyledger.command.directory.OrganizationEntry;

class TaskTest {

    static final String TASK = "task-1";
    static final String CELL = "cell-na-tong-1";
    static final String OTHER_CELL = "cell-na-tong-2";
    static final String DISSOLVED_CELL = "cell-old";
    static final String COMMUNE = "commune-na-tong";
    static final String MEMBER = "member-lo-van-a";
    static final String SECOND = "member-quang-thi-b";
    static final String CANDIDATE = "member-candidate";
    static final String ELSEWHERE = "member-other-cell";
    static final LocalDate ON = LocalDate.of(2020, 3, 23);
    static final LocalDate DUE = LocalDate.of(2020, 6, 30);

    private final FixtureConfiguration<Task> fixture = new AggregateTestFixture<>(Task.class);

    TaskTest() {
        Map<String, MemberEntry> members = new HashMap<>();
        members.put(MEMBER, new MemberEntry(MEMBER, CELL, MemberStatus.OFFICIAL, LocalDate.of(2010, 1, 1)));
        members.put(SECOND, new MemberEntry(SECOND, CELL, MemberStatus.PROBATIONARY, null));
        members.put(CANDIDATE, new MemberEntry(CANDIDATE, CELL, MemberStatus.CANDIDATE, null));
        members.put(ELSEWHERE, new MemberEntry(ELSEWHERE, OTHER_CELL, MemberStatus.OFFICIAL, LocalDate.of(2010, 1, 1)));
        Set<String> households = Set.of("h-1", "h-2", "h-3");
        fixture.registerInjectableResource(new InMemoryOrganizationDirectory()
                .with(new OrganizationEntry(CELL, OrganizationLevel.CELL, CellType.VILLAGE, COMMUNE, false, true))
                .with(new OrganizationEntry(OTHER_CELL, OrganizationLevel.CELL, CellType.VILLAGE, COMMUNE, false, true))
                .with(new OrganizationEntry(DISSOLVED_CELL, OrganizationLevel.CELL, CellType.VILLAGE, COMMUNE, false, false))
                .with(new OrganizationEntry(COMMUNE, OrganizationLevel.COMMUNE, null, null, true, true)));
        fixture.registerInjectableResource((MemberDirectory) id -> Optional.ofNullable(members.get(id)));
        fixture.registerInjectableResource((HouseholdDirectory) (org, ids) -> {
            Set<String> found = new HashSet<>();
            ids.forEach(id -> {
                if (CELL.equals(org) && households.contains(id)) {
                    found.add(id);
                }
            });
            return found;
        });
        fixture.registerInjectableResource(TaskRules.standard());
    }

    static AssignTask householdGroup(String expectedResult) {
        return new AssignTask(TASK, CELL, MEMBER, AssigningBody.CELL, "meeting-3", TaskKind.HOUSEHOLD_GROUP,
                "oversee households of group 2", List.of("h-1", "h-2"), DUE, expectedResult, ON);
    }

    static TaskAssigned assigned() {
        return new TaskAssigned(TASK, CELL, MEMBER, AssigningBody.CELL, "meeting-3", TaskKind.HOUSEHOLD_GROUP,
                "oversee households of group 2", List.of("h-1", "h-2"), DUE, "no household breaches the village covenant",
                ON);
    }

    @Test
    void assignsHouseholdGroupWithTheFourClears() {
        fixture.givenNoPriorActivity()
                .when(householdGroup("no household breaches the village covenant"))
                .expectEvents(assigned());
    }

    @Test
    void refusesTaskWithoutExpectedResultNamingTheClear() {
        fixture.givenNoPriorActivity()
                .when(householdGroup(" "))
                .expectNoEvents()
                .expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.refusal(RULE, "T1", "expectedResult"));
    }

    @Test
    void refusesTaskWithoutDueDateNamingTheClear() {
        fixture.givenNoPriorActivity()
                .when(new AssignTask(TASK, CELL, MEMBER, AssigningBody.CELL_COMMITTEE, null, TaskKind.OTHER, "x", null,
                        null, "y", ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, "T1", "dueDate"));
    }

    @Test
    void refusesDueDateBeforeAssignment() {
        fixture.givenNoPriorActivity()
                .when(new AssignTask(TASK, CELL, MEMBER, AssigningBody.CELL_COMMITTEE, null, TaskKind.MASS_ORG,
                        "lead the women's union branch", null, ON.minusDays(1), "branch meets monthly", ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "dueDate"));
    }

    @Test
    void refusesAssigneeWhoIsNotAnActiveMemberOfTheCell() {
        for (String assignee : List.of(CANDIDATE, ELSEWHERE)) {
            fixture.givenNoPriorActivity()
                    .when(new AssignTask(TASK, CELL, assignee, AssigningBody.CELL, null, TaskKind.OTHER, "x", null,
                            DUE, "y", ON))
                    .expectNoEvents()
                    .expectExceptionDetails(Refusals.refusal(RULE, null, "assigneeId"));
        }
        fixture.givenNoPriorActivity()
                .when(new AssignTask(TASK, CELL, "nobody", AssigningBody.CELL, null, TaskKind.OTHER, "x", null,
                        DUE, "y", ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(NOT_FOUND, null, "assigneeId"));
    }

    @Test
    void refusesTaskOfADissolvedCell() {
        fixture.givenNoPriorActivity()
                .when(new AssignTask(TASK, DISSOLVED_CELL, MEMBER, AssigningBody.CELL, null, TaskKind.OTHER, "x", null,
                        DUE, "y", ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, null, "organizationId"));
    }

    @Test
    void refusesHouseholdGroupOverUnregisteredOrNoHouseholds() {
        fixture.givenNoPriorActivity()
                .when(new AssignTask(TASK, CELL, MEMBER, AssigningBody.CELL, null, TaskKind.HOUSEHOLD_GROUP, "x",
                        List.of("h-1", "h-9"), DUE, "y", ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(NOT_FOUND, null, "householdIds[1]"));
        fixture.givenNoPriorActivity()
                .when(new AssignTask(TASK, CELL, MEMBER, AssigningBody.CELL, null, TaskKind.HOUSEHOLD_GROUP, "x",
                        List.of(), DUE, "y", ON))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "householdIds"));
    }

    @Test
    void recordsProgressResultAndEvaluation() {
        fixture.given(assigned())
                .when(new ReportTaskProgress(TASK, "visited 8 of 12 households", ON.plusDays(20)))
                .expectEvents(new TaskProgressReported(TASK, CELL, MEMBER, "visited 8 of 12 households", ON.plusDays(20)));
        fixture.given(assigned())
                .when(new RecordTaskResult(TASK, TaskOutcome.ACHIEVED, "minutes of 2020-07-24", DUE.plusDays(3)))
                .expectEvents(new TaskResultRecorded(TASK, CELL, MEMBER, TaskOutcome.ACHIEVED, "minutes of 2020-07-24",
                        DUE.plusDays(3), true));
        fixture.given(assigned(), new TaskResultRecorded(TASK, CELL, MEMBER, TaskOutcome.ACHIEVED, "m", DUE, false))
                .when(new EvaluateTask(TASK, TaskLevel.GOOD, null, DUE.plusDays(24)))
                .expectEvents(new TaskEvaluated(TASK, CELL, MEMBER, TaskLevel.GOOD, null, DUE.plusDays(24)));
    }

    @Test
    void cannotEvaluateBeforeAResultNorRecordAResultTwice() {
        fixture.given(assigned())
                .when(new EvaluateTask(TASK, TaskLevel.GOOD, null, DUE))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, null, null));
        fixture.given(assigned(), new TaskResultRecorded(TASK, CELL, MEMBER, TaskOutcome.ACHIEVED, "m", DUE, false))
                .when(new RecordTaskResult(TASK, TaskOutcome.ACHIEVED, "again", DUE))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, null, null));
    }

    @Test
    void cannotRecordResultOnACancelledTask() {
        fixture.given(assigned(), new TaskCancelled(TASK, CELL, MEMBER, "merged into group 3", ON.plusDays(5)))
                .when(new RecordTaskResult(TASK, TaskOutcome.ACHIEVED, "minutes", DUE))
                .expectNoEvents()
                .expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.refusal(RULE, null, null));
    }

    @Test
    void reassignsToAnotherActiveMemberWithAReason() {
        fixture.given(assigned())
                .when(new ReassignTask(TASK, SECOND, "moved to group 3", ON.plusDays(10)))
                .expectEvents(new TaskReassigned(TASK, CELL, MEMBER, SECOND, "moved to group 3", ON.plusDays(10)));
        fixture.given(assigned())
                .when(new ReassignTask(TASK, ELSEWHERE, "moved", ON.plusDays(10)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, null, "assigneeId"));
        fixture.given(assigned())
                .when(new ReassignTask(TASK, SECOND, " ", ON.plusDays(10)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "reason"));
    }

    @Test
    void cancelsAnOpenTaskWithAReasonOnlyOnce() {
        fixture.given(assigned())
                .when(new CancelTask(TASK, "household group dissolved", ON.plusDays(5)))
                .expectEvents(new TaskCancelled(TASK, CELL, MEMBER, "household group dissolved", ON.plusDays(5)));
        fixture.given(assigned(), new TaskCancelled(TASK, CELL, MEMBER, "x", ON.plusDays(5)))
                .when(new CancelTask(TASK, "again", ON.plusDays(6)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(RULE, null, null));
        fixture.given(assigned())
                .when(new CancelTask(TASK, "backdated", ON.minusDays(1)))
                .expectNoEvents()
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "occurredOn"));
    }

}
