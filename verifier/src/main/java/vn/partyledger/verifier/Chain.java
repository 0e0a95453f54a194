package vn.partyledger.verifier;

import java.security.MessageDigest;

/**
 * The per-scope hash chain: {@code link_n = SHA-256(link_(n-1) || canonical bytes of event n)}, with 32 zero bytes
 * before the first event of a scope.
 */
public final class Chain {

    public static final byte[] GENESIS = new byte[32];

    private Chain() {
    }

    public static byte[] link(byte[] previous, byte[] canonicalEvent) {
        MessageDigest sha = Hashes.sha256();
        sha.update(previous);
        sha.update(canonicalEvent);
        return sha.digest();
    }
}
