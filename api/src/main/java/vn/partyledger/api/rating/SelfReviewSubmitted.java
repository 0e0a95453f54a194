package vn.partyledger.api.rating;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;
import vn.partyledger.api.rules.rating.RatingLevel;

/** Fact: the self-review (bản tự kiểm điểm) with its proposed level and score (null where the year has no score). */
public record SelfReviewSubmitted(String roundId, String ratingId, String organizationId, RatingLevel proposedLevel,
                                  Score score, String summary, LocalDate submittedOn) implements OrganizationScoped {
}
