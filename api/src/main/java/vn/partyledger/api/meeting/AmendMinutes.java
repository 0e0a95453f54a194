package vn.partyledger.api.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Intent: amend the minutes of a closed meeting, as approved at the later meeting {@code approvedAtMeetingId} (minutes
 * are permanent, M9: an amendment is a new fact; {@code correctsEventId} names the event it corrects, if one).
 */
public record AmendMinutes(@TargetAggregateIdentifier String meetingId, String correctsEventId, String text,
                           String approvedAtMeetingId) {
}
