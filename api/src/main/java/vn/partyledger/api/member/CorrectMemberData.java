package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: correct a member's personal data recorded by event {@code correctsEventId} (a wrong birth date or name
 * copied from paper). A null field keeps its recorded value. {@code occurredOn} is the date the correction was decided.
 */
public record CorrectMemberData(@TargetAggregateIdentifier String memberId, String correctsEventId, String fullName,
                                LocalDate birthDate, LocalDate occurredOn) implements Fact {
}
