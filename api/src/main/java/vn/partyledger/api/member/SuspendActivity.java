package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: suspend a member's party activity pending discipline or prosecution. */
public record SuspendActivity(@TargetAggregateIdentifier String memberId, String reason, String decisionNo, LocalDate occurredOn) implements Fact {}
