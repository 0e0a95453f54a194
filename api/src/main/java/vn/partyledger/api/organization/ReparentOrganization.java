package vn.partyledger.api.organization;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: attach an organisation to another parent from a date on (e.g. the 2025 reorganisation). */
public record ReparentOrganization(@TargetAggregateIdentifier String organizationId, String newParentId, LocalDate occurredOn) implements Fact {}
