package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: record a member's death. */
public record RecordDeath(@TargetAggregateIdentifier String memberId, LocalDate occurredOn) implements Fact {}
