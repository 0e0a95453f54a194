package vn.partyledger.api.meeting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: amend the minutes of a closed meeting, as approved at the later meeting {@code approvedAtMeetingId} (minutes
 * are permanent, M9: an amendment is a new fact; {@code correctsEventId} names the event it corrects, if one).
 * {@code occurredOn} is the date of the approving meeting.
 */
public record AmendMinutes(@TargetAggregateIdentifier String meetingId, String correctsEventId, String text,
                           String approvedAtMeetingId, LocalDate occurredOn) implements Fact {
}
