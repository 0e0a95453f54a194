package vn.partyledger.api.oversight;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: the case requests a record of its subject (I2) as true on {@code asOf} and as the ledger stood at
 * {@code knownAt}; the request is logged with both before it is answered.
 */
public record RequestRecords(@TargetAggregateIdentifier String caseId, RequestedRecord record, String subjectId,
                             LocalDate asOf, Instant knownAt, LocalDate occurredOn) implements Fact {
}
