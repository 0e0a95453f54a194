package vn.partyledger.api.rating;

import java.util.List;
import vn.partyledger.api.provenance.Provenance;

/** Each year of the term: every target with the ratings counted, those reaching it, the share and whether it is met. */
public record TargetCompliance(String organizationId, String term, List<CongressTarget> targets, List<Year> years,
                               Provenance provenance) {

    public record Year(int year, List<Result> results) {
    }

    public record Result(String label, int rated, int reaching, String percent, boolean met) {
    }
}
