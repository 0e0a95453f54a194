package vn.partyledger.api.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Intent: record a guest (superior visit, assigned cadre) at an open meeting. */
public record RecordGuest(@TargetAggregateIdentifier String meetingId, GuestInfo guest) {
}
