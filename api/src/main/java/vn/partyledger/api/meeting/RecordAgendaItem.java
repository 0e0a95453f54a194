package vn.partyledger.api.meeting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: record an agenda item discussed at an open meeting.
 * The fact happens on the meeting date ({@code occurredOn}).
 */
public record RecordAgendaItem(@TargetAggregateIdentifier String meetingId, AgendaTopic topic, String summary,
                               LocalDate occurredOn) implements Fact {
}
