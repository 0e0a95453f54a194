package vn.partyledger.api.rating;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: the deciding body opens its rating round for {@code year}; the id is {@link RatingIds#round}. */
public record OpenRatingRound(@TargetAggregateIdentifier String roundId, String decidingBodyId, int year,
                              LocalDate occurredOn) implements Fact {
}
