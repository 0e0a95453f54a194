package vn.partyledger.api.commitment;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.provenance.Provenance;

/**
 * How many of the members expected to pledge for {@code year} (on a roll in the subtree on {@code asOf}, not fully
 * exempt, not guests) submitted, had it reviewed and self-assessed it: {@code counts} over the whole subtree, and one
 * page of {@code items}, a row per cell of the subtree that has such members, in the tree's order; {@code total}: how
 * many cells over all pages.
 */
public record CommitmentCoverage(String organizationId, int year, LocalDate asOf, Counts counts, List<Cell> items,
                                 int page, int size, long total, Provenance provenance) {

    /** {@code allSubmitted}: every expected member submitted (the Na Tông KPI, AE4: "100% submitted"). */
    public record Counts(int expected, int submitted, int reviewed, int selfAssessed, int breaches,
                         boolean allSubmitted) {
        public static Counts of(int expected, int submitted, int reviewed, int selfAssessed, int breaches) {
            return new Counts(expected, submitted, reviewed, selfAssessed, breaches, submitted == expected);
        }
    }

    public record Cell(String organizationId, String name, Counts counts) {
    }
}
