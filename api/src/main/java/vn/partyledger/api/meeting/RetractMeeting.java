package vn.partyledger.api.meeting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: retract a meeting that should never have been recorded in this cell's record (e.g. entered in the wrong
 * cell). {@code correctsEventId} names the event that recorded it. The events stay; readers no longer count it.
 */
public record RetractMeeting(@TargetAggregateIdentifier String meetingId, String correctsEventId, LocalDate occurredOn)
        implements Fact {
}
