package vn.partyledger.api.oversight;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: log that an inspection role read {@code record} of {@code subjectId}, whose record belongs to
 * {@code organizationId}, with the time axes it used. The reader is the command's actor.
 */
public record RecordInspectorRead(@TargetAggregateIdentifier String readId, String organizationId,
                                  RequestedRecord record, String subjectId, LocalDate asOf, Instant knownAt,
                                  LocalDate occurredOn) implements Fact {
}
