package vn.partyledger.ops.security;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.partyledger.command.directory.OrganizationDirectory;

/**
 * Decides whether the current principal may act on an organisation: some grant must name the organisation itself or
 * one of its ancestors (or be global) and allow the kind of action. The grant used is remembered for the envelope.
 */
@Component
public class AccessPolicy {

    private final OrganizationDirectory directory;

    AccessPolicy(OrganizationDirectory directory) {
        this.directory = directory;
    }

    public void requireRead(String organizationId) {
        require(organizationId, role -> true, "read");
    }

    public void requireRecordFacts(String organizationId) {
        require(organizationId, Role::recordsFacts, "record facts for");
    }

    /** Oversight: an inspection commission (or a committee) of the organisation or one of its superiors. */
    public void requireInspect(String organizationId) {
        require(organizationId, role -> role == Role.INSPECTOR || role.shapesTree(), "inspect");
    }

    public void requireShapeTree(String organizationId) {
        require(organizationId, Role::shapesTree, "change the structure of");
    }

    public void requireOperator() {
        LedgerPrincipal principal = principalOrDeny();
        Grant grant = principal.grants().stream()
                .filter(g -> g.role() == Role.OPERATOR && g.global())
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("only a ledger-wide operator may do this"));
        CurrentActor.rememberGrant(grant);
    }

    /** Reads that span the whole ledger (every province) need a global grant. */
    public void requireGlobalRead() {
        LedgerPrincipal principal = principalOrDeny();
        Grant grant = principal.grants().stream().filter(Grant::global).findFirst()
                .orElseThrow(() -> new AccessDeniedException("a ledger-wide grant is needed; ask for a subtree instead"));
        CurrentActor.rememberGrant(grant);
    }

    private void require(String organizationId, Predicate<Role> allowed, String action) {
        LedgerPrincipal principal = principalOrDeny();
        Set<String> lineage = new HashSet<>();
        if (organizationId != null) {
            lineage.add(organizationId);
            lineage.addAll(directory.ancestors(organizationId));
        }
        Grant grant = principal.grants().stream()
                .filter(g -> allowed.test(g.role()))
                .filter(g -> g.global() || lineage.contains(g.organizationId()))
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException(
                        "no grant allows you to " + action + " organisation " + organizationId));
        CurrentActor.rememberGrant(grant);
    }

    private static LedgerPrincipal principalOrDeny() {
        LedgerPrincipal principal = CurrentActor.principal();
        if (principal == null) {
            throw new AccessDeniedException("not authenticated as a ledger user");
        }
        return principal;
    }
}
