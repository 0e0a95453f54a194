package vn.partyledger.api.ledger;

/**
 * The ledger sealed every scope's head: seal number {@code sealNo} with this digest (SHA-256 of the signed statement)
 * and Merkle root. A ledger-wide fact (scope {@code ledger}): a seal row that disappears later is noticed against it.
 */
public record LedgerSealed(long sealNo, String digest, String root, long treeSize, String keyId) {
}
