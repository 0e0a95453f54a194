package vn.partyledger.api.rating;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;
import vn.partyledger.api.rules.rating.RatingLevel;

/** Fact: the decided level was published. */
public record RatingPublished(String roundId, String ratingId, String organizationId, RatingLevel level,
                              LocalDate publishedOn) implements OrganizationScoped {
}
