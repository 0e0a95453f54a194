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
 * Fact: the deciding body decided the subject's level in decision {@code decisionNo}. {@code outcomes} are the rule
 * outcomes judged then (warnings such as R5 with the facts that contradict the level, an overridden R3);
 * {@code evidence} what the ledger knew of a member's year (null for collectives).
 */
public record RatingDecided(String roundId, String ratingId, String organizationId, String decidingBodyId, int year,
                            RatingSubject subject, String subjectId, RatingLevel level, Integer score,
                            String decisionNo, LocalDate decidedOn, String ruleSetId, Authority quotaOverride,
                            List<RuleOutcome> outcomes, MemberYearEvidence evidence) implements OrganizationScoped {
}
