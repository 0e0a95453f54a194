package vn.partyledger.api.organization;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: dissolve an organisation; it ends, its history stays readable. */
public record DissolveOrganization(@TargetAggregateIdentifier String organizationId, String reason, LocalDate occurredOn) implements Fact {}
