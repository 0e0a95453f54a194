package vn.partyledger.api.meeting;

/**
 * A guest of the meeting: a superior visit or an assigned cadre. {@code personId} is the guest's member id when the
 * guest is in the ledger (a liaison's visit is matched on it); {@code organizationId} is the guest's organisation.
 */
public record GuestInfo(String personId, String fullName, String orgLevel, String role, String organizationId) {
}
