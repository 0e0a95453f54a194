package vn.partyledger.api.rating;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingSubject;

/**
 * A deciding body's round for a year: the rule set it is judged by and its ratings in the order they were opened,
 * each with the levels proposed so far and, once decided, the level, the decision and an R3 override cited.
 */
public record RatingRoundView(String roundId, String decidingBodyId, int year, String ruleSetId, String ruleSetTitle,
                              LocalDate openedOn, LocalDate closedOn, List<Entry> ratings, Provenance provenance) {

    /**
     * {@code subjectName}: the member's or the organisation's name as the roll and the tree know it;
     * {@code organizationName}: the subject's organisation (a member's cell). Either may be null while those read
     * models have not caught up. Ratings come by subject kind (cells before grassroots organisations, committees before
     * leaders, as §2.6 orders their decisions), then by organisation and name.
     */
    public record Entry(String ratingId, RatingSubject subject, String subjectId, String subjectName,
                        String organizationId, String organizationName, String state, RatingLevel selfProposed,
                        RatingLevel cellProposed, RatingLevel appraised, RatingLevel level, String decisionNo,
                        LocalDate decidedOn, Authority quotaOverride) {
    }
}
