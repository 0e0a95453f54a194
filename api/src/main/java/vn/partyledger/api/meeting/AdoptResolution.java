package vn.partyledger.api.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Intent: record a resolution put to the vote; the ledger works out the eligible voters and whether it passed (M6, P4). */
public record AdoptResolution(@TargetAggregateIdentifier String meetingId, Vote vote) {
}
