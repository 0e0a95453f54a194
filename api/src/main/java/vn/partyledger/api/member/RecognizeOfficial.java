package vn.partyledger.api.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: recognise a probationary member as official (P5). */
public record RecognizeOfficial(@TargetAggregateIdentifier String memberId, String decisionNo, LocalDate decisionDate, CellVote cellVote) implements Fact {
    @Override
    public LocalDate occurredOn() {
        return decisionDate;
    }
}
