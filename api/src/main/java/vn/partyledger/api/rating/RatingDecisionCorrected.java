package vn.partyledger.api.rating;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.envelope.OrganizationScoped;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.rating.MemberYearEvidence;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingSubject;

/**
 * Fact: the recording of a rating decision (event {@code correctsEventId}) is corrected. Carries the decision as it
 * stands after the correction, judged again on its date ({@code decidedOn}): {@code previousLevel} is the level
 * recorded before, {@code outcomes} and {@code evidence} as on a decision.
 */
public record RatingDecisionCorrected(String roundId, String ratingId, String organizationId, String decidingBodyId,
                                      int year, RatingSubject subject, String subjectId, RatingLevel previousLevel,
                                      RatingLevel level, Integer score, String decisionNo, LocalDate decidedOn,
                                      String ruleSetId, Authority quotaOverride, List<RuleOutcome> outcomes,
                                      MemberYearEvidence evidence, String correctsEventId)
        implements OrganizationScoped {
}
