package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: end a temporary exemption early or on time. */
public record EndTemporaryExemption(@TargetAggregateIdentifier String memberId, LocalDate occurredOn) implements Fact {}
