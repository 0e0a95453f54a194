package vn.partyledger.api.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Intent: close the meeting after {@code durationMinutes}. */
public record CloseMeeting(@TargetAggregateIdentifier String meetingId, int durationMinutes) {
}
