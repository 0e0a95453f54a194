package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: the temporarily transferred member returns to the home organisation. */
public record EndTemporaryTransfer(@TargetAggregateIdentifier String memberId, LocalDate occurredOn) implements Fact {}
