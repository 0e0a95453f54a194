package vn.partyledger.api.oversight;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: the commission verifies that remedy {@code remedyNo} was carried out. */
public record VerifyRemedy(@TargetAggregateIdentifier String caseId, int remedyNo, String note, LocalDate occurredOn)
        implements Fact {
}
