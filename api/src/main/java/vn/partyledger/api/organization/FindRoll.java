package vn.partyledger.api.organization;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Query: the member roll of one organisation as of a date, paged; {@code knownAt}: as the ledger stood at that instant
 * (null = everything recorded so far).
 */
public record FindRoll(String organizationId, LocalDate asOf, int page, int size, Instant knownAt) {

    /** The roll as everything recorded so far has it. */
    public FindRoll(String organizationId, LocalDate asOf, int page, int size) {
        this(organizationId, asOf, page, size, null);
    }
}
