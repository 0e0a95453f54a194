package vn.partyledger.api.ledger;

/**
 * The ledger took a new signing key (the first one, or a rotation): its id, its Ed25519 public key (X.509, base64),
 * the key it replaces and that key's endorsement of it (signature, base64). A ledger-wide fact (scope {@code ledger}).
 */
public record LedgerKeyAdded(String keyId, String publicKey, String previousKeyId, String endorsement) {
}
