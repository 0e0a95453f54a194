package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: the receiving organisation records the member's arrival. */
public record ReceiveTransfer(@TargetAggregateIdentifier String memberId, String organizationId, LocalDate occurredOn) implements Fact {}
