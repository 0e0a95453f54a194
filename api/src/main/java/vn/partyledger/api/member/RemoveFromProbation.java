package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: remove a probationary member who did not qualify from the probationary roll (P5). */
public record RemoveFromProbation(@TargetAggregateIdentifier String memberId, String decisionNo, String reason, LocalDate occurredOn) implements Fact {}
