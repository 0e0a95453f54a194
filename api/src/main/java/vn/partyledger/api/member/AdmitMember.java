package vn.partyledger.api.member;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.envelope.Fact;

/** Intent: record the admission decision (kết nạp). {@code ageException}: the province-level approval needed above 60. */
public record AdmitMember(@TargetAggregateIdentifier String memberId, String decisionNo, String decisionIssuer, LocalDate decisionDate, LocalDate ceremonyDate, List<Introducer> introducers, CellVote cellVote, boolean educationRelaxedArea, Authority ageException) implements Fact {
    @Override
    public LocalDate occurredOn() {
        return decisionDate;
    }
}
