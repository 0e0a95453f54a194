package vn.partyledger.api.commitment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: at year end the member assesses how the pledge was kept (attached to the self-review). */
public record SelfAssessCommitment(@TargetAggregateIdentifier String commitmentId, boolean fulfilled,
                                   String assessment, LocalDate occurredOn) implements Fact {
}
