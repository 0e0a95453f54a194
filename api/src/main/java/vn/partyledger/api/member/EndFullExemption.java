package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: the exempt member returns to work and meetings. */
public record EndFullExemption(@TargetAggregateIdentifier String memberId, LocalDate occurredOn) implements Fact {}
