package vn.partyledger.api.rating;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;
import vn.partyledger.api.rules.rating.RatingLevel;

/** Fact: the cell discussed the self-review, commented, proposed a level and voted. */
public record CellReviewHeld(String roundId, String ratingId, String organizationId, String comments,
                             RatingLevel proposedLevel, ReviewVote vote, LocalDate heldOn) implements OrganizationScoped {
}
