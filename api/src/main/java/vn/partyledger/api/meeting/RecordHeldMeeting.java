package vn.partyledger.api.meeting;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: enter a finished meeting from the paper minutes in one command (one transaction): it yields the same events
 * as the step-by-step flow. {@code occurredOn} is the meeting date.
 */
public record RecordHeldMeeting(@TargetAggregateIdentifier String meetingId, String organizationId, MeetingKind kind,
                                LocalDate occurredOn, List<String> agenda, boolean correction,
                                LocalDate materialsPublishedOn, String materialsChannel, String chairMemberId,
                                String minutesSecretaryMemberId, List<AttendanceEntry> attendance,
                                List<GuestInfo> guests, List<AgendaEntry> agendaItems, List<Vote> resolutions,
                                FeeReport feeReport, int durationMinutes) implements Fact {
}
