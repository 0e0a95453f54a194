package vn.partyledger.api.meeting;

/** Query: liaison visits per quarter against their quotas, and superior visits over the cells of the subtree. */
public record FindLiaisonVisits(String organizationId, int year) {
}
