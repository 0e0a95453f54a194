package vn.partyledger.api.rating;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;
import vn.partyledger.api.rules.rating.RatingLevel;

/** Fact: a decided rating ({@code level}) was reopened for {@code reason}; it stands until redecided. */
public record RatingReopened(String roundId, String ratingId, String organizationId, RatingLevel level,
                             ReopenReason reason, String details, LocalDate reopenedOn) implements OrganizationScoped {
}
