package vn.partyledger.api.organization;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: appoint or record the election of an officer from {@code from} (to {@code to}, optional). */
public record AssignOfficer(@TargetAggregateIdentifier String organizationId, String memberId, OfficerRole role, LocalDate from, LocalDate to, LocalDate occurredOn) implements Fact {}
