package vn.partyledger.api.meeting;

/**
 * Query: the meeting register of a cell for a calendar year, or the roll-up over a commune's or province's cells.
 * {@code attendanceTarget} is the percentage the cell's congress resolution set (null: the rules' default).
 */
public record FindMeetingRegister(String organizationId, int year, Integer attendanceTarget) {
}
