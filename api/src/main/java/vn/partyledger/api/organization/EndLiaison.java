package vn.partyledger.api.organization;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: end a liaison assignment. */
public record EndLiaison(@TargetAggregateIdentifier String organizationId, String liaisonMemberId, LocalDate occurredOn) implements Fact {}
