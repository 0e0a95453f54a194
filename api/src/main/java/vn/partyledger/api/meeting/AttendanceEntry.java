package vn.partyledger.api.meeting;

/** One attendance row of a meeting entered from the paper minutes. */
public record AttendanceEntry(String memberId, AttendanceStatus status, String reason) {
}
