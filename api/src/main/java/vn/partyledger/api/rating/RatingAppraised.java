package vn.partyledger.api.rating;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;
import vn.partyledger.api.rules.rating.RatingLevel;

/** Fact: the advisory body appraised the rating and proposed a level. */
public record RatingAppraised(String roundId, String ratingId, String organizationId, RatingLevel proposedLevel,
                              String remarks, LocalDate appraisedOn) implements OrganizationScoped {
}
