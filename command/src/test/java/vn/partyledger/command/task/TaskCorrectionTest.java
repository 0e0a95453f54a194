package vn.partyledger.command.task;

import vn.partyledger.command.Refusals;
import static vn.partyledger.api.rules.Refusal.Kind.INVALID_INPUT;
import static vn.partyledger.api.rules.Refusal.Kind.RULE;
import static vn.partyledger.command.task.TaskTest.CELL;
import static vn.partyledger.command.task.TaskTest.DUE;
import static vn.partyledger.command.task.TaskTest.MEMBER;
import static vn.partyledger.command.task.TaskTest.ON;
import static vn.partyledger.command.task.TaskTest.TASK;
import static vn.partyledger.command.task.TaskTest.assigned;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.task.CorrectTaskAssignment;
import vn.partyledger.api.task.TaskAssignmentCorrected;
import vn.partyledger.api.task.TaskCancelled;

/** A corrected assignment passes the assignment's rules (T1, due date) again. */
class TaskCorrectionTest {

    private static final LocalDate DECIDED = LocalDate.of(2020, 4, 24);
    private final FixtureConfiguration<Task> fixture = new AggregateTestFixture<>(Task.class);

    TaskCorrectionTest() {
        fixture.registerInjectableResource(TaskRules.standard());
    }

    @Test
    void aWrongDueDateIsCorrectedKeepingTheOtherClears() {
        fixture.given(assigned())
                .when(new CorrectTaskAssignment(TASK, "event-1", null, DUE.plusMonths(1), null, DECIDED))
                .expectEvents(new TaskAssignmentCorrected(TASK, CELL, MEMBER, "oversee households of group 2",
                        DUE.plusMonths(1), "no household breaches the village covenant", "event-1"));
    }

    @Test
    void aCorrectionThatBlanksAClearIsRefusedByT1() {
        fixture.given(assigned())
                .when(new CorrectTaskAssignment(TASK, "event-1", null, null, " ", DECIDED))
                .expectException(LedgerRefusalException.class)
                .expectExceptionDetails(Refusals.refusal(RULE, "T1", "expectedResult"))
                .expectNoEvents();
    }

    @Test
    void aDueDateBeforeTheAssignmentIsRefused() {
        fixture.given(assigned())
                .when(new CorrectTaskAssignment(TASK, "event-1", null, ON.minusDays(1), null, DECIDED))
                .expectExceptionDetails(Refusals.refusal(INVALID_INPUT, null, "replacement.dueDate"))
                .expectNoEvents();
    }

    @Test
    void aClosedTaskIsNotCorrected() {
        fixture.given(assigned(), new TaskCancelled(TASK, CELL, MEMBER, "moved away", DECIDED))
                .when(new CorrectTaskAssignment(TASK, "event-1", "x", null, null, DECIDED))
                .expectExceptionDetails(Refusals.refusal(RULE, null, null))
                .expectNoEvents();
    }
}
