package vn.partyledger.api.rating;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: record the residence cell's comment on a member who works elsewhere (QĐ 213). */
public record RecordResidenceComment(@TargetAggregateIdentifier String roundId, String ratingId,
                                     String residenceOrganization, String comment, LocalDate occurredOn)
        implements Fact {
}
