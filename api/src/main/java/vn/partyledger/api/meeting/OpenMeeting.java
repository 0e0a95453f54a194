package vn.partyledger.api.meeting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: open the meeting on its date; the roll snapshot is taken by the ledger, not sent by the client. */
public record OpenMeeting(@TargetAggregateIdentifier String meetingId, String chairMemberId,
                          String minutesSecretaryMemberId, LocalDate occurredOn) implements Fact {
}
