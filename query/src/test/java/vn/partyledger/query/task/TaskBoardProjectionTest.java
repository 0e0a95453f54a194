package vn.partyledger.query.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.partyledger.query.organization.OrganizationFixture.cell;
import static vn.partyledger.query.organization.OrganizationFixture.commune;
import static vn.partyledger.query.organization.OrganizationFixture.province;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.task.AssigningBody;
import vn.partyledger.api.task.FindTaskBoard;
import vn.partyledger.api.task.FindTaskOutcomes;
import vn.partyledger.api.task.Household;
import vn.partyledger.api.task.HouseholdsRegistered;
import vn.partyledger.api.task.TaskAssigned;
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
import vn.partyledger.api.organization.CellType;
import vn.partyledger.query.EventFeed;
import vn.partyledger.query.ReadModelDatabase;
import vn.partyledger.query.member.MemberFixture;

class TaskBoardProjectionTest {

    static final String PROVINCE = "province-dien-bien";
    static final String COMMUNE = "commune-na-tong";
    static final String CELL = "cell-na-tong-1";
    static final LocalDate ON = LocalDate.of(2020, 3, 23);
    /** "Today" for the tests: 1 July 2020 in Hà Nội. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2020-07-01T03:00:00Z"), ZoneOffset.UTC);

    private static ReadModelDatabase db;
    private EventFeed side;

    @BeforeAll
    static void start() {
        db = ReadModelDatabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void clean() {
        db.clean();
        side = new EventFeed(db, new TaskBoardProjection(db.jdbc(), TODAY));
    }

    static String member(int i) {
        return "member-" + i;
    }

    /** Na Tông 1: 17 official members, 30 households in 3 household groups of 10 each, one group left unassigned. */
    private void naTongOne() {
        side.feed(province(PROVINCE, "Điện Biên"), commune(COMMUNE, PROVINCE, "Nà Tông"),
                cell(CELL, COMMUNE, "Nà Tông 1", CellType.VILLAGE));
        for (int i = 1; i <= 17; i++) {
            side.feed(MemberFixture.officialMember(member(i), CELL, "Đảng viên " + i, LocalDate.of(2005, 1, 10)));
        }
        List<Household> households = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> new Household("h-" + i, "Hộ " + i)).toList();
        side.feed(new HouseholdsRegistered("households:" + CELL, CELL, households, ON.minusDays(10)));
        side.feed(group("task-1", member(1), 1, 10, LocalDate.of(2020, 12, 31)),
                group("task-2", member(2), 11, 20, LocalDate.of(2020, 12, 31)),
                new TaskAssigned("task-3", CELL, member(3), AssigningBody.CELL_COMMITTEE, null, TaskKind.MASS_ORG,
                        "lead the farmers' union branch", List.of(), LocalDate.of(2020, 6, 30),
                        "the branch meets monthly", ON));
    }

    static TaskAssigned group(String id, String assignee, int from, int to, LocalDate due) {
        List<String> ids = IntStream.rangeClosed(from, to).mapToObj(i -> "h-" + i).toList();
        return new TaskAssigned(id, CELL, assignee, AssigningBody.CELL, "meeting-2020-03", TaskKind.HOUSEHOLD_GROUP,
                "oversee household group", ids, due, "no household breaches the village covenant", ON);
    }

    @Test
    void cellOfSeventeenShowsHouseholdCoverageAndOverdueTasks() {
        naTongOne();

        TaskBoard board = side.query(new FindTaskBoard(CELL, null), TaskBoard.class);

        assertThat(board.asOf()).isEqualTo(LocalDate.of(2020, 7, 1));
        assertThat(board.openTasks()).isEqualTo(3);
        assertThat(board.overdueTasks()).isEqualTo(1);
        assertThat(board.tasks()).filteredOn(TaskBoard.OpenTask::overdue).extracting(TaskBoard.OpenTask::taskId)
                .containsExactly("task-3");
        assertThat(board.households().registered()).isEqualTo(30);
        assertThat(board.households().covered()).isEqualTo(20);
        assertThat(board.households().uncovered()).isEqualTo(10);
        assertThat(board.households().uncoveredHouseholds()).extracting(Household::householdId)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(21, 30).mapToObj(i -> "h-" + i).toList());
        assertThat(board.households().coveredHouseholds()).filteredOn(h -> h.householdId().equals("h-12"))
                .singleElement().satisfies(h -> assertThat(h.assigneeId()).isEqualTo(member(2)));
        assertThat(board.tasks()).extracting(TaskBoard.OpenTask::assigneeName).contains("Đảng viên 1");
    }

    @Test
    void cancelledOrFinishedHouseholdGroupNoLongerCoversItsHouseholds() {
        naTongOne();
        side.feed(new TaskCancelled("task-2", CELL, member(2), "group merged", LocalDate.of(2020, 5, 2)),
                new TaskResultRecorded("task-3", CELL, member(3), TaskOutcome.ACHIEVED, "minutes", LocalDate.of(2020, 6, 28),
                        false));

        TaskBoard now = side.query(new FindTaskBoard(CELL, null), TaskBoard.class);
        TaskBoard before = side.query(new FindTaskBoard(CELL, LocalDate.of(2020, 5, 1)), TaskBoard.class);

        assertThat(now.openTasks()).isEqualTo(1);
        assertThat(now.overdueTasks()).isZero();
        assertThat(now.households().covered()).isEqualTo(10);
        assertThat(before.openTasks()).isEqualTo(3);
        assertThat(before.households().covered()).isEqualTo(20);
    }

    @Test
    void outcomesOfAMemberCountTasksDueInTheYearHeldByTheMember() {
        naTongOne();
        side.feed(new TaskProgressReported("task-3", CELL, member(3), "two meetings held", LocalDate.of(2020, 5, 1)),
                new TaskResultRecorded("task-3", CELL, member(3), TaskOutcome.ACHIEVED, "minutes",
                        LocalDate.of(2020, 6, 30), false),
                new TaskEvaluated("task-3", CELL, member(3), TaskLevel.GOOD, null, LocalDate.of(2020, 7, 1)),
                new TaskAssigned("task-4", CELL, member(3), AssigningBody.CELL, null, TaskKind.HELP_CANDIDATE,
                        "help candidate Lò Thị D", List.of(), LocalDate.of(2020, 6, 15), "D completes the course", ON),
                new TaskAssigned("task-5", CELL, member(4), AssigningBody.CELL, null, TaskKind.OTHER,
                        "collect fees of group 1", List.of(), LocalDate.of(2020, 9, 30), "all fees collected", ON),
                new TaskReassigned("task-5", CELL, member(4), member(3), "member 4 moved away", LocalDate.of(2020, 4, 1)),
                new TaskAssigned("task-6", CELL, member(3), AssigningBody.CELL, null, TaskKind.OTHER,
                        "next year's plan", List.of(), LocalDate.of(2021, 1, 15), "plan adopted", ON));

        TaskOutcomes outcomes = side.query(new FindTaskOutcomes(member(3), 2020), TaskOutcomes.class);
        TaskOutcomes former = side.query(new FindTaskOutcomes(member(4), 2020), TaskOutcomes.class);

        assertThat(outcomes.assigned()).isEqualTo(3);
        assertThat(outcomes.completed()).isEqualTo(1);
        assertThat(outcomes.open()).isEqualTo(2);
        assertThat(outcomes.overdue()).isEqualTo(1);
        assertThat(outcomes.evaluations()).isEqualTo(Map.of(TaskLevel.GOOD, 1));
        assertThat(former.assigned()).isZero();
    }

    @Test
    void unknownCellOrMemberIsNotFound() {
        assertThatThrownBy(() -> side.query(new FindTaskBoard("nowhere", null), TaskBoard.class))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> side.query(new FindTaskOutcomes("nobody", 2020), TaskOutcomes.class))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void replayAndRedeliveryRebuildTheSameBoard() {
        naTongOne();
        side.feed(new TaskProgressReported("task-1", CELL, member(1), "visited all", LocalDate.of(2020, 4, 1)),
                new TaskCancelled("task-2", CELL, member(2), "merged", LocalDate.of(2020, 5, 2)));
        List<List<Map<String, Object>>> before = tables();
        side.redeliver(4 + 17 * 3 + 1 + 3 + 1);
        assertThat(tables()).isEqualTo(before);

        side.replay();

        assertThat(tables()).isEqualTo(before);
    }

    private List<List<Map<String, Object>>> tables() {
        List<List<Map<String, Object>>> all = new ArrayList<>();
        for (String table : List.of("task_board_task", "task_board_progress", "task_board_task_household",
                "task_board_household")) {
            all.add(db.rows(table, null));
        }
        all.add(db.jdbc().queryForList("select projection, position from projection_position where projection = 'task-board'", Map.of()));
        return all;
    }
}
