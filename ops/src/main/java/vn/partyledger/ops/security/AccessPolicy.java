package vn.partyledger.ops.security;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.partyledger.command.directory.OrganizationDirectory;

/**
 * Decides whether a principal's grants allow a permission over some organisations: one grant must allow the
 * permission's role and cover every organisation (name it or one of its ancestors, or be ledger-wide). The grant used
 * is remembered for the envelope. Called by {@link AccessInterceptor} only, from the {@link AccessTable}.
 */
@Component
class AccessPolicy {

    private final OrganizationDirectory directory;

    AccessPolicy(OrganizationDirectory directory) {
        this.directory = directory;
    }

    /** {@code organizations}: empty = anywhere; a null element = the top of the tree (a ledger-wide grant). */
    Grant require(LedgerPrincipal principal, Permission permission, List<String> organizations) {
        if (principal == null) {
            throw new AccessDeniedException("not authenticated as a ledger user");
        }
        Optional<Grant> grant = Optional.empty();
        List<Set<String>> lineages = null;
        for (Grant g : principal.grants()) {
            if (!permission.allows(g)) {
                continue;
            }
            if (!g.global() && lineages == null) {
                // Read only for a grant over a subtree: a ledger-wide grant covers everything without the tree.
                lineages = organizations.stream().map(this::lineage).toList();
            }
            if (g.global() || lineages.stream().allMatch(l -> l.contains(g.organizationId()))) {
                grant = Optional.of(g);
                break;
            }
        }
        Grant used = grant.orElseThrow(() -> new AccessDeniedException(organizations.isEmpty()
                ? "no grant of yours allows this (" + permission + ")"
                : "no grant of yours allows " + permission + " on organisation " + String.join(", ",
                        organizations.stream().map(o -> o == null ? "(the whole ledger)" : o).toList())));
        CurrentActor.rememberGrant(used);
        return used;
    }

    /** Whether some grant allows the permission anywhere: checked before an unknown id is reported as 404. */
    boolean allowsSomewhere(LedgerPrincipal principal, Permission permission) {
        return principal != null && principal.grants().stream().anyMatch(permission::allows);
    }

    private Set<String> lineage(String organizationId) {
        Set<String> lineage = new HashSet<>();
        if (organizationId != null) {
            lineage.add(organizationId);
            lineage.addAll(directory.ancestors(organizationId));
        }
        return lineage;
    }
}
