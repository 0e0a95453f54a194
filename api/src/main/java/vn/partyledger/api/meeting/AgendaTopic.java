package vn.partyledger.api.meeting;

/** Agenda groups of a cell meeting (HD 12-HD/BTCTW 2018 groups and the seed minutes). */
public enum AgendaTopic {
    SITUATION, MONTH_RESULTS, NEXT_MONTH_TASKS, NEW_DIRECTIVES, SELF_CRITICISM, FEES_AND_SPENDING, IDEOLOGY,
    MEMBER_WORK, DEVELOPMENT, THEMATIC
}
