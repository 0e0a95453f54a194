package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: record the competent committee's decision to remove a member from the roll (xóa tên, P12). */
public record RemoveFromRoll(@TargetAggregateIdentifier String memberId, RollRemovalGround ground, String decisionNo, String decidedBy, LocalDate occurredOn) implements Fact {}
