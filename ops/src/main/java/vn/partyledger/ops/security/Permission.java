package vn.partyledger.ops.security;

import java.util.function.Predicate;

/** What an endpoint needs of a grant; {@link AccessTable} names one per endpoint. */
public enum Permission {
    /** Open to everyone, authenticated or not (health, the error page). */
    PUBLIC(role -> true),
    /** Counts, percentages and structure over an organisation: what a dashboard shows. */
    READ_AGGREGATE(role -> role != Role.MONITORING),
    /** Records of individual people (a member, a roll, attendance, a task's assignee): never for dashboard viewers. */
    READ_RECORD(role -> role != Role.MONITORING && role != Role.DASHBOARD_VIEWER),
    RECORD_FACTS(Role::recordsFacts),
    SHAPE_TREE(Role::shapesTree),
    /** Integrity evidence of an organisation's record (verification, bundles): inspection commissions and operators. */
    INSPECT(role -> role == Role.INSPECTOR || role == Role.OPERATOR),
    /** Accounts, replay, dead letters, the access log: a ledger-wide operator. */
    OPERATE(role -> role == Role.OPERATOR),
    /** Metrics and the API document: a monitoring grant or a ledger-wide operator. */
    MONITOR(role -> role == Role.OPERATOR || role == Role.MONITORING);

    private final Predicate<Role> roles;

    Permission(Predicate<Role> roles) {
        this.roles = roles;
    }

    public boolean allows(Role role) {
        return roles.test(role);
    }

    /** The role, and for monitoring also the reach: an operator of one province does not watch the whole service. */
    public boolean allows(Grant grant) {
        if (this == MONITOR && grant.role() == Role.OPERATOR) {
            return grant.global();
        }
        return allows(grant.role());
    }
}
