package vn.partyledger.api.organization;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: fix the day of month of the regular meeting (and of the chi ủy prep meeting). */
public record SetRegularMeetingDay(@TargetAggregateIdentifier String organizationId, int dayOfMonth, Integer committeePrepDay, LocalDate occurredOn) implements Fact {}
