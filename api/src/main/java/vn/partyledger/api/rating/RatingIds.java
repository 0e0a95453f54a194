package vn.partyledger.api.rating;

import vn.partyledger.api.rules.rating.RatingSubject;

/**
 * Deterministic ids of rounds and ratings (docs/decisions/0008): one round per deciding body and year, one rating per
 * subject in a round. Organisation and member ids are UUIDs, so ':' separates the parts unambiguously.
 */
public final class RatingIds {

    private RatingIds() {
    }

    public static String round(String decidingBodyId, int year) {
        return "round:" + decidingBodyId + ":" + year;
    }

    public static String rating(String roundId, RatingSubject subject, String subjectId) {
        return roundId.replaceFirst("^round:", "rating:") + ":" + subject.name() + ":" + subjectId;
    }

    /** The round a rating id belongs to; null when {@code ratingId} is not one. */
    public static String roundOf(String ratingId) {
        String[] parts = ratingId == null ? new String[0] : ratingId.split(":", -1);
        if (parts.length != 5 || !parts[0].equals("rating") || !parts[2].matches("\\d{4}")) {
            return null;
        }
        return "round:" + parts[1] + ":" + parts[2];
    }

    public static String targets(String organizationId, String term) {
        return "targets:" + organizationId + ":" + term;
    }
}
