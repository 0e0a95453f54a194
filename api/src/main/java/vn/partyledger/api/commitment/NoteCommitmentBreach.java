package vn.partyledger.api.commitment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: record that the member breached the pledge, optionally as reminded at meeting {@code meetingId}. */
public record NoteCommitmentBreach(@TargetAggregateIdentifier String commitmentId, String meetingId, String description,
                                   LocalDate occurredOn) implements Fact {
}
