package vn.partyledger.api.organization;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Query: one organisation as it stood on {@code asOf} (null = today), as the ledger stood at {@code knownAt} (null =
 * everything recorded so far).
 */
public record FindOrganization(String organizationId, LocalDate asOf, Instant knownAt) {

    /** The organisation as everything recorded so far has it. */
    public FindOrganization(String organizationId, LocalDate asOf) {
        this(organizationId, asOf, null);
    }
}
