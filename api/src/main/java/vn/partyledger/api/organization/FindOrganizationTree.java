package vn.partyledger.api.organization;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Query: the subtree under {@code rootId} (null = every province) as of a date, with own and subtree counts;
 * {@code knownAt}: as the ledger stood at that instant (null = everything recorded so far).
 */
public record FindOrganizationTree(String rootId, LocalDate asOf, Instant knownAt) {

    /** The tree as everything recorded so far has it. */
    public FindOrganizationTree(String rootId, LocalDate asOf) {
        this(rootId, asOf, null);
    }
}
