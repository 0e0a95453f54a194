package vn.partyledger.api.provenance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a read answer reflects: the read model (projection name and version), the global position of the last event
 * it has applied, and when it last changed. Sent as the {@code Ledger-Position}, {@code Ledger-Projection} and
 * {@code Ledger-Updated-At} headers. The two time axes of the answer: {@code asOf}, the business date it is true on,
 * and {@code knownAt}, the instant up to which recorded facts were taken (null: everything recorded so far).
 */
public record Provenance(String projection, int version, long position, Instant updatedAt, LocalDate asOf,
                         Instant knownAt) {

    public Provenance(String projection, int version, long position, Instant updatedAt) {
        this(projection, version, position, updatedAt, null, null);
    }

    /** The same provenance, stating the two time axes the answer used. */
    public Provenance at(LocalDate asOf, Instant knownAt) {
        return new Provenance(projection, version, position, updatedAt, asOf, knownAt);
    }
}
