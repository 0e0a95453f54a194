package vn.partyledger.api.meeting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: record the fee report read out at the meeting.
 * The fact happens on the meeting date ({@code occurredOn}).
 */
public record RecordFeeDisclosure(@TargetAggregateIdentifier String meetingId, FeeReport report, LocalDate occurredOn) implements Fact {
}
