package vn.partyledger.api.rating;

/** The cell's vote on the proposed level. */
public record ReviewVote(int approving, int against, int present) {
}
