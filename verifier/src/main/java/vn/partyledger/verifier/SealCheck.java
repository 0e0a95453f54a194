package vn.partyledger.verifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the ledger's keys and seals before any chain is trusted: every key after the first is endorsed by the one
 * before; seals are numbered 1..n without a hole, each names its predecessor's digest and carries a valid signature
 * of a listed key; and every seal the ledger recorded as a fact is present with the same digest (so removing the
 * newest seal is noticed too).
 */
public final class SealCheck {

    /** A seal the ledger recorded as an event of its own scope: number and digest. */
    public record Recorded(long sealNo, String digest) {
    }

    private SealCheck() {
    }

    /** The first problem with the keys, or null. */
    public static Finding keys(List<LedgerKey> keys) {
        Map<String, LedgerKey> byId = new HashMap<>();
        for (LedgerKey k : keys) {
            byId.put(k.keyId(), k);
        }
        for (LedgerKey k : keys) {
            String derived;
            try {
                derived = LedgerKey.idOf(k.publicKey());
            } catch (IllegalArgumentException | NullPointerException e) {
                return new Finding(Finding.Reason.BAD_KEY, null, null, null, "key " + k.keyId() + " is not readable");
            }
            if (!derived.equals(k.keyId())) {
                return new Finding(Finding.Reason.BAD_KEY, null, null, null,
                        "key " + k.keyId() + " does not have that id (its key gives " + derived + ")");
            }
            if (k.previousKeyId() != null) {
                LedgerKey previous = byId.get(k.previousKeyId());
                if (previous == null || !previous.verifies(LedgerKey.endorsementMessage(k.keyId(), k.publicKey()),
                        k.endorsement())) {
                    return new Finding(Finding.Reason.BAD_KEY, null, null, null, "key " + k.keyId()
                            + " is not endorsed by the key before it (" + k.previousKeyId() + ")");
                }
            }
        }
        long firstKeys = keys.stream().filter(k -> k.previousKeyId() == null).count();
        if (firstKeys > 1) {
            return new Finding(Finding.Reason.BAD_KEY, null, null, null,
                    firstKeys + " keys claim to be the first; only one can be, the others are not endorsed");
        }
        return null;
    }

    /** The first problem with the seals, or null. */
    public static Finding seals(List<Seal> seals, List<LedgerKey> keys, List<Recorded> recorded) {
        Map<String, LedgerKey> keyById = new HashMap<>();
        keys.forEach(k -> keyById.put(k.keyId(), k));
        List<Seal> sorted = new ArrayList<>(seals);
        sorted.sort(Comparator.comparingLong(Seal::sealNo));
        Map<Long, Seal> byNo = new HashMap<>();
        String previousDigest = null;
        long expected = 1;
        for (Seal s : sorted) {
            if (s.sealNo() != expected) {
                return new Finding(s.sealNo() < expected ? Finding.Reason.SEAL_NOT_MATCHING : Finding.Reason.SEAL_MISSING,
                        null, null, expected, s.sealNo() < expected ? "seal #" + s.sealNo() + " appears twice"
                        : "seals jump from #" + (expected - 1) + " to #" + s.sealNo());
            }
            if (!Objects.equals(s.previous(), previousDigest)) {
                return new Finding(Finding.Reason.SEAL_NOT_MATCHING, null, null, s.sealNo(),
                        "it does not name the digest of seal #" + (s.sealNo() - 1) + " as its predecessor");
            }
            LedgerKey key = keyById.get(s.keyId());
            if (key == null) {
                return new Finding(Finding.Reason.BAD_SIGNATURE, null, null, s.sealNo(),
                        "signed with key " + s.keyId() + ", which is not one of the ledger's keys");
            }
            if (!key.verifies(s.statementBytes(), s.signature())) {
                return new Finding(Finding.Reason.BAD_SIGNATURE, null, null, s.sealNo(),
                        "the signature does not verify with key " + s.keyId());
            }
            byNo.put(s.sealNo(), s);
            previousDigest = s.digest();
            expected++;
        }
        for (Recorded r : recorded) {
            Seal s = byNo.get(r.sealNo());
            if (s == null) {
                return new Finding(Finding.Reason.SEAL_MISSING, null, null, r.sealNo(),
                        "the ledger recorded this seal as a fact, but the seal itself is gone");
            }
            if (!s.digest().equals(r.digest())) {
                return new Finding(Finding.Reason.SEAL_NOT_MATCHING, null, null, r.sealNo(),
                        "its digest differs from the one the ledger recorded when it sealed");
            }
        }
        return null;
    }
}
