package vn.partyledger.api.organization;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: assign a superior committee member to follow this cell. */
public record AssignLiaison(@TargetAggregateIdentifier String organizationId, String liaisonMemberId, String superiorOrganizationId, VisitQuota visitQuota, LocalDate occurredOn) implements Fact {}
