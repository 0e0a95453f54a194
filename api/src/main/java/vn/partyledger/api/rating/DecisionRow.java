package vn.partyledger.api.rating;

import vn.partyledger.api.rules.rating.DisciplineFact;
import vn.partyledger.api.rules.rating.RatingLevel;

/**
 * One subject of a decision: the level decided, the score where the year has one (null = the self-review's), the
 * level as a civil servant (R4; null when not one) and a discipline of the year (R2; null when none).
 */
public record DecisionRow(String ratingId, RatingLevel level, Integer score, RatingLevel civilServantLevel,
                          DisciplineFact discipline) {
}
