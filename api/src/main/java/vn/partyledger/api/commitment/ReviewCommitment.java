package vn.partyledger.api.commitment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: the cell reviews the submitted pledge (it may ask for changes in {@code remarks}). */
public record ReviewCommitment(@TargetAggregateIdentifier String commitmentId, String remarks, LocalDate occurredOn)
        implements Fact {
}
