package vn.partyledger.api.rating;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;
import vn.partyledger.api.rules.rating.RatingSubject;

/**
 * Intent: put a list of subjects on the round in one document (a commune adds its whole roll to the December round):
 * one {@link RatingOpened} per row, all rows or none; a refusal names the row ({@code ratings[37].subjectId}).
 */
public record OpenRatings(@TargetAggregateIdentifier String roundId, List<Row> ratings, LocalDate occurredOn)
        implements Fact {

    /** One subject: as {@link OpenRating}, with its id from {@link OpenRating#idOf}. */
    public record Row(String ratingId, RatingSubject subject, String subjectId,
                      String organizationId) {
    }
}
