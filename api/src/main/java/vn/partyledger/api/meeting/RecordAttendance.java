package vn.partyledger.api.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Intent: record one member's attendance at an open meeting (M7). */
public record RecordAttendance(@TargetAggregateIdentifier String meetingId, String memberId, AttendanceStatus status,
                               String reason) {
}
