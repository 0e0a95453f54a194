package vn.partyledger.api.rating;

/** Query: how the organisation's subtree meets its congress targets in each year of {@code term}. */
public record FindTargetCompliance(String organizationId, String term) {
}
