package vn.partyledger.api.rating;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/** Intent: close the round; nothing more is rated, decided or reopened in it. */
public record CloseRatingRound(@TargetAggregateIdentifier String roundId, LocalDate occurredOn) implements Fact {
}
