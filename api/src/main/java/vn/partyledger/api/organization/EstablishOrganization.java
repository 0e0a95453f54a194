package vn.partyledger.api.organization;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: establish a node of the tree. {@code grassroots} null = the default for the level and parent. */
public record EstablishOrganization(@TargetAggregateIdentifier String organizationId, OrganizationLevel level, CellType cellType, String parentId, String name, Boolean grassroots, LocalDate occurredOn) implements Fact {}
