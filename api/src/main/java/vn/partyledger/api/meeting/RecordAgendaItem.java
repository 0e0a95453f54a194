package vn.partyledger.api.meeting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Intent: record an agenda item discussed at an open meeting. */
public record RecordAgendaItem(@TargetAggregateIdentifier String meetingId, AgendaTopic topic, String summary) {
}
