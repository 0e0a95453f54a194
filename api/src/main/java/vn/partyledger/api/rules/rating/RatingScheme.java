package vn.partyledger.api.rules.rating;

import java.util.List;

/**
 * The levels a rule set accepts for persons and for organisations, best first. Seeds mix vocabularies (pre-2018
 * "trong sạch, vững mạnh" next to the four levels), so every year keeps its own scheme (domain §0.3).
 */
public record RatingScheme(List<RatingLevel> personLevels, List<RatingLevel> organizationLevels) {

    public List<RatingLevel> levelsFor(RatingSubject subject) {
        return subject.isPerson() ? personLevels : organizationLevels;
    }

    public boolean knows(RatingSubject subject, RatingLevel level) {
        return level != null && levelsFor(subject).contains(level);
    }
}
