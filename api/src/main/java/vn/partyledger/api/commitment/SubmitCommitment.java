package vn.partyledger.api.commitment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: the member submits the year's pledge to the cell. One per member and year: {@link #idOf(String, int)}. */
public record SubmitCommitment(@TargetAggregateIdentifier String commitmentId, String memberId, int year,
                               CommitmentSections sections, LocalDate occurredOn) implements Fact {

    public static String idOf(String memberId, int year) {
        return memberId + ":" + year;
    }
}
