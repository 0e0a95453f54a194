package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: temporarily exempt a member working far away (P11: under 12 months). */
public record GrantTemporaryExemption(@TargetAggregateIdentifier String memberId, String reason, String decisionNo, LocalDate until, LocalDate occurredOn) implements Fact {}
