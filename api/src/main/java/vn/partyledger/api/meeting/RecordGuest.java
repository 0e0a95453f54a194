package vn.partyledger.api.meeting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: record a guest (superior visit, assigned cadre) at an open meeting.
 * The fact happens on the meeting date ({@code occurredOn}).
 */
public record RecordGuest(@TargetAggregateIdentifier String meetingId, GuestInfo guest, LocalDate occurredOn) implements Fact {
}
