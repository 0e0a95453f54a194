package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: exempt a member from work and meetings by cell resolution (P10). */
public record GrantFullExemption(@TargetAggregateIdentifier String memberId, ExemptionGround ground, String resolutionNo, LocalDate occurredOn) implements Fact {}
