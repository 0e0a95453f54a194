package vn.partyledger.api.rating;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.envelope.OrganizationScoped;
import vn.partyledger.api.rules.rating.RatingSubject;

/**
 * Fact: a subject is rated in the round. {@code organizationId} is the subject's organisation (the member's cell, the
 * rated organisation, the unit a leader heads): the record the rating belongs to. {@code organizationPath} lists it
 * and its ancestors, nearest first, as they stood when the rating was opened.
 */
public record RatingOpened(String roundId, String ratingId, String organizationId, String decidingBodyId, int year,
                           RatingSubject subject, String subjectId, List<String> organizationPath, String ruleSetId,
                           LocalDate openedOn) implements OrganizationScoped {
}
