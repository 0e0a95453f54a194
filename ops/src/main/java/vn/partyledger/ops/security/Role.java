package vn.partyledger.ops.security;

/** Roles of the architecture's security model; every grant of a role is scoped to an organisation subtree. */
public enum Role {
    MEMBER(false, false),
    CELL_SECRETARY(true, false),
    COMMUNE_COMMITTEE(true, true),
    /** Inspection commission: reads and exports; every read is logged. */
    INSPECTOR(false, false),
    DASHBOARD_VIEWER(false, false),
    /** Replay, dead letters, accounts; also allowed to write within its scope. */
    OPERATOR(true, true),
    /** Metrics and the API document only: for a monitoring system's account, reads no ledger data. */
    MONITORING(false, false);

    private final boolean recordsFacts;
    private final boolean shapesTree;

    Role(boolean recordsFacts, boolean shapesTree) {
        this.recordsFacts = recordsFacts;
        this.shapesTree = shapesTree;
    }

    /** May record facts about members and the cell's own officers and meeting day. */
    public boolean recordsFacts() {
        return recordsFacts;
    }

    /** May establish, reparent, merge and dissolve organisations. */
    public boolean shapesTree() {
        return shapesTree;
    }
}
