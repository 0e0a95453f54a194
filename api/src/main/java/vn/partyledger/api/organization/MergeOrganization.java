package vn.partyledger.api.organization;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: merge this organisation into {@code survivorId}; it ends, its history stays. */
public record MergeOrganization(@TargetAggregateIdentifier String organizationId, String survivorId, LocalDate occurredOn) implements Fact {}
