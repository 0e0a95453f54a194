package vn.partyledger.api.commitment;

/** Query: commitment coverage of the organisation and its subtree for {@code year}. */
public record FindCommitmentCoverage(String organizationId, int year) {
}
