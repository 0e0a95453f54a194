package vn.partyledger.api.meeting;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: schedule a meeting of the cell on {@code heldOn} (may lie ahead) with its agenda. {@code correction} marks a
 * second REGULAR meeting of a month as a deliberate correction (M1 otherwise refuses it).
 */
public record ScheduleMeeting(@TargetAggregateIdentifier String meetingId, String organizationId, MeetingKind kind,
                              LocalDate heldOn, List<String> agenda, boolean correction, LocalDate occurredOn)
        implements Fact {
}
