package vn.partyledger.api.meeting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: record one member's attendance at an open meeting (M7).
 * The fact happens on the meeting date ({@code occurredOn}).
 */
public record RecordAttendance(@TargetAggregateIdentifier String meetingId, String memberId, AttendanceStatus status,
                               String reason, LocalDate occurredOn) implements Fact {
}
