package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: put an outstanding non-member (quần chúng ưu tú) on the cell's candidate list. */
public record RegisterCandidate(@TargetAggregateIdentifier String memberId, String organizationId, String fullName, LocalDate birthDate, Gender gender, String ethnicity, EducationLevel educationLevel, LocalDate occurredOn) implements Fact {}
