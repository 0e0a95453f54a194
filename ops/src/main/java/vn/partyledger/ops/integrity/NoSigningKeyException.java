package vn.partyledger.ops.integrity;

/** This node cannot sign: the ledger has no key yet, or its private key file is not on this node. */
public class NoSigningKeyException extends RuntimeException {
    NoSigningKeyException(String message) {
        super(message);
    }
}
