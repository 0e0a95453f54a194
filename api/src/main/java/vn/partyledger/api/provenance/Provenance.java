package vn.partyledger.api.provenance;

import java.time.Instant;

/**
 * What a read answer reflects: the read model (projection name and version), the global position of the last event
 * it has applied, and when it last changed. Sent as the {@code Ledger-Position}, {@code Ledger-Projection} and
 * {@code Ledger-Updated-At} headers.
 */
public record Provenance(String projection, int version, long position, Instant updatedAt) {
}
