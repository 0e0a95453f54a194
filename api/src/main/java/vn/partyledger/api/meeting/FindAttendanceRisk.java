package vn.partyledger.api.meeting;

/** Query: members with absences without legitimate reason in a year, and the P12 roll-removal flag. */
public record FindAttendanceRisk(String organizationId, int year) {
}
