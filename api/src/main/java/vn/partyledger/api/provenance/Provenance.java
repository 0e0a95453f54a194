package vn.partyledger.api.provenance;

/**
 * What a read answer reflects: the read model (projection name and version) and the global position of the last event
 * it has applied. Sent as the {@code Ledger-Position} and {@code Ledger-Projection} headers.
 */
public record Provenance(String projection, int version, long position) {
}
