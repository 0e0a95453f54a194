package vn.partyledger.api.rating;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.rating.MemberYearEvidence;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingSubject;

/** A member's rating history: one entry per year and subject (as member, as leader), oldest first. */
public record MemberRatings(String memberId, List<Entry> ratings, Provenance provenance) {

    public record Entry(int year, RatingSubject subject, String ratingId, String roundId, String decidingBodyId,
                        String organizationId, String ruleSetId, String ruleSetTitle, String state,
                        RatingLevel selfProposed, Integer score, RatingLevel cellProposed, RatingLevel appraised,
                        RatingLevel level, String decisionNo, LocalDate decidedOn, LocalDate publishedOn,
                        List<RuleOutcome> outcomes, MemberYearEvidence evidence) {
    }
}
