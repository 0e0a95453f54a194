package vn.partyledger.api.rating;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: announce the decided level to the subject and its organisation. */
public record PublishRating(@TargetAggregateIdentifier String roundId, String ratingId, LocalDate occurredOn)
        implements Fact {
}
