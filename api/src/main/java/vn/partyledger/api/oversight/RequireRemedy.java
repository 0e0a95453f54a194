package vn.partyledger.api.oversight;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: a concluded case requires the subject organisation to remedy something by {@code dueDate}. The remedy is
 * done by the subject's own facts (corrections, meetings); oversight never edits the subject's record (I1).
 */
public record RequireRemedy(@TargetAggregateIdentifier String caseId, String text, LocalDate dueDate,
                            LocalDate occurredOn) implements Fact {
}
