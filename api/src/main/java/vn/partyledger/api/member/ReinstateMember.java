package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: lift a suspension. */
public record ReinstateMember(@TargetAggregateIdentifier String memberId, String decisionNo, LocalDate occurredOn) implements Fact {}
