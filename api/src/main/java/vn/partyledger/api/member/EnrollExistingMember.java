package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: put on the ledger a person who was already a member before the organisation started using it (taken over
 * from the paper roll or the member database), or who arrives from an organisation outside the ledger. Official when
 * {@code officialOn} is given, probationary otherwise. {@code source} says where the record comes from.
 */
public record EnrollExistingMember(@TargetAggregateIdentifier String memberId, String organizationId, String fullName,
                                   LocalDate birthDate, Gender gender, String ethnicity, EducationLevel educationLevel,
                                   LocalDate admittedOn, LocalDate ceremonyDate, LocalDate officialOn,
                                   String cardNumber, String source, LocalDate occurredOn) implements Fact {
}
