package vn.partyledger.ops.security;

/** One role over one organisation subtree; {@code organizationId} null = the whole ledger. */
public record Grant(Role role, String organizationId) {

    public boolean global() {
        return organizationId == null;
    }
}
