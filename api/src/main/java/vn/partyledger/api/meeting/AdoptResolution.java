package vn.partyledger.api.meeting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: record a resolution put to the vote; the ledger works out the eligible voters and whether it passed (M6, P4).
 * The fact happens on the meeting date ({@code occurredOn}).
 */
public record AdoptResolution(@TargetAggregateIdentifier String meetingId, Vote vote, LocalDate occurredOn) implements Fact {
}
