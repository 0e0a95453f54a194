package vn.partyledger.api.rating;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.envelope.OrganizationScoped;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.rating.MemberYearEvidence;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingSubject;

/** Fact: a reopened rating was decided again; {@code previousLevel} is the level it replaces. */
public record RatingRedecided(String roundId, String ratingId, String organizationId, String decidingBodyId, int year,
                              RatingSubject subject, String subjectId, RatingLevel previousLevel, RatingLevel level,
                              Integer score, String decisionNo, LocalDate decidedOn, String ruleSetId,
                              Authority quotaOverride, List<RuleOutcome> outcomes, MemberYearEvidence evidence)
        implements OrganizationScoped {
}
