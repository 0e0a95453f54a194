package vn.partyledger.api.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Intent: record the fee report read out at the meeting. */
public record RecordFeeDisclosure(@TargetAggregateIdentifier String meetingId, FeeReport report) {
}
