package vn.partyledger.verifier;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1: leaves hashed with a 0x00 prefix, interior
 * nodes with 0x01, so a leaf can never pass for a node. Inclusion proofs prove one scope's head is in a seal without
 * showing the other scopes.
 */
public final class Merkle {

    private Merkle() {
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha = Hashes.sha256();
        sha.update((byte) 0x00);
        sha.update(leaf);
        return sha.digest();
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = Hashes.sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** MTH(D[n]) over leaf hashes; the empty tree hashes to SHA-256 of nothing. */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return Hashes.sha256(new byte[0]);
        }
        return subtree(leafHashes, 0, leafHashes.size());
    }

    private static byte[] subtree(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(subtree(leaves, from, from + k), subtree(leaves, from + k, to));
    }

    /** PATH(m, D[n]) of RFC 9162 2.1.3.1: the sibling hashes from the leaf up to the root. */
    public static List<byte[]> inclusionProof(int index, List<byte[]> leafHashes) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leafHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(index, leafHashes, 0, leafHashes.size(), path);
        return path;
    }

    private static void path(int m, List<byte[]> leaves, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, leaves, from, from + k, out);
            out.add(subtree(leaves, from + k, to));
        } else {
            path(m - k, leaves, from + k, to, out);
            out.add(subtree(leaves, from, from + k));
        }
    }

    /**
     * The root an inclusion proof leads to (RFC 9162 2.1.3.2), or null when the proof cannot belong to a tree of that
     * size; the caller compares it with the signed root.
     */
    public static byte[] rootFromProof(long index, long treeSize, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= treeSize) {
            return null;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    public static boolean proves(long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFromProof(index, treeSize, leafHash, proof);
        return computed != null && Arrays.equals(computed, root);
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
