package vn.partyledger.api.commitment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: replace the sections of a pledge as submitted (event {@code correctsEventId}), e.g. a copying mistake. */
public record CorrectCommitment(@TargetAggregateIdentifier String commitmentId, String correctsEventId,
                                CommitmentSections sections, LocalDate occurredOn) implements Fact {
}
