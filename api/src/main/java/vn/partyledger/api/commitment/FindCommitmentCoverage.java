package vn.partyledger.api.commitment;

/**
 * Query: commitment coverage of the organisation and its subtree for {@code year}, with one page of its cells (a
 * province has tens of thousands).
 */
public record FindCommitmentCoverage(String organizationId, int year, int page, int size) {

    /** Every cell, on one page. */
    public FindCommitmentCoverage(String organizationId, int year) {
        this(organizationId, year, 0, Integer.MAX_VALUE);
    }
}
