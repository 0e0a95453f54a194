package vn.partyledger.api.meeting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: close the meeting after {@code durationMinutes}.
 * The fact happens on the meeting date ({@code occurredOn}).
 */
public record CloseMeeting(@TargetAggregateIdentifier String meetingId, int durationMinutes, LocalDate occurredOn) implements Fact {
}
