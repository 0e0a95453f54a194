package vn.partyledger.api.organization;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: end an officer's post on a date. */
public record RemoveOfficer(@TargetAggregateIdentifier String organizationId, String memberId, OfficerRole role, LocalDate occurredOn) implements Fact {}
