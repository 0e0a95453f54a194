package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: record the candidate's certificate of the awareness course on the Party. */
public record RecordAwarenessCourse(@TargetAggregateIdentifier String memberId, String certificateNo, LocalDate occurredOn) implements Fact {}
