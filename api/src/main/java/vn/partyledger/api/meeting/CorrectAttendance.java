package vn.partyledger.api.meeting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: correct one member's recorded attendance (event {@code correctsEventId}) with a replacement status and
 * reason, judged by the same rules as the original record. {@code occurredOn} is the date the correction was decided.
 */
public record CorrectAttendance(@TargetAggregateIdentifier String meetingId, String correctsEventId, String memberId,
                                AttendanceStatus status, String reason, LocalDate occurredOn) implements Fact {
}
