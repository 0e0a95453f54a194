package vn.partyledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a bundle with nothing but its own content: the manifest (every entry's hash, nothing added, its signature),
 * the keys, the seals, each scope's Merkle proofs against the signed roots, and each scope's chain. Answers what it
 * checked, or the first finding.
 */
public final class BundleVerifier {

    /** What was checked, line by line, and the first finding (null when everything holds). */
    public record Report(List<String> checked, Finding finding) {
        public boolean ok() {
            return finding == null;
        }
    }

    private BundleVerifier() {
    }

    public static Report verify(Map<String, byte[]> entries) {
        List<String> checked = new ArrayList<>();
        try {
            Finding f = verify(entries, checked);
            return new Report(checked, f);
        } catch (RuntimeException e) {
            return new Report(checked, new Finding(Finding.Reason.BUNDLE_EDITED, null, null, null,
                    "the bundle cannot be read as exported: " + e.getMessage()));
        }
    }

    private static Finding verify(Map<String, byte[]> entries, List<String> checked) {
        byte[] manifestBytes = entries.get(Bundle.MANIFEST);
        byte[] signature = entries.get(Bundle.MANIFEST_SIGNATURE);
        if (manifestBytes == null || signature == null) {
            return edited("the bundle has no " + (manifestBytes == null ? Bundle.MANIFEST : Bundle.MANIFEST_SIGNATURE));
        }
        JsonNode manifest = Canonical.parse(manifestBytes);
        if (!Bundle.FORMAT.equals(manifest.path("format").asText())) {
            return edited("not a bundle of format " + Bundle.FORMAT);
        }
        Set<String> listed = new HashSet<>(List.of(Bundle.MANIFEST, Bundle.MANIFEST_SIGNATURE));
        for (JsonNode entry : manifest.path("entries")) {
            String path = entry.path("path").asText();
            listed.add(path);
            byte[] bytes = entries.get(path);
            if (bytes == null) {
                return edited(path + " is listed in the manifest but missing");
            }
            if (!Hashes.hex(Hashes.sha256(bytes)).equals(entry.path("sha256").asText())) {
                return edited(path + " does not have the SHA-256 the manifest lists");
            }
        }
        for (String name : entries.keySet()) {
            if (!listed.contains(name)) {
                return edited(name + " is not listed in the manifest");
            }
        }
        checked.add("manifest: " + (listed.size() - 2) + " entries, each with the SHA-256 the manifest lists");

        List<LedgerKey> keys = new ArrayList<>();
        Canonical.parse(entries.get(Bundle.KEYS)).path("keys").forEach(k -> keys.add(LedgerKey.fromJson(k)));
        Finding keyProblem = SealCheck.keys(keys);
        if (keyProblem != null) {
            return keyProblem;
        }
        String manifestKey = manifest.path("keyId").asText();
        LedgerKey signer = keys.stream().filter(k -> k.keyId().equals(manifestKey)).findFirst().orElse(null);
        if (signer == null || !signer.verifies(manifestBytes, new String(signature, StandardCharsets.US_ASCII).trim())) {
            return edited("the manifest's signature does not verify with the ledger key " + manifestKey);
        }
        checked.add("keys: " + describeKeys(keys) + "; the manifest is signed by " + manifestKey);

        JsonNode sealsJson = Canonical.parse(entries.get(Bundle.SEALS));
        List<Seal> seals = new ArrayList<>();
        sealsJson.path("seals").forEach(s -> seals.add(Seal.fromJson(s)));
        List<SealCheck.Recorded> recorded = new ArrayList<>();
        sealsJson.path("recorded").forEach(r -> recorded.add(
                new SealCheck.Recorded(r.path("sealNo").asLong(), r.path("digest").asText())));
        Finding sealProblem = SealCheck.seals(seals, keys, recorded);
        if (sealProblem != null) {
            return located(sealProblem, manifest, entries);
        }
        Map<Long, Seal> sealByNo = new HashMap<>();
        seals.forEach(s -> sealByNo.put(s.sealNo(), s));
        if (!seals.isEmpty()) {
            Seal latest = seals.stream().max((a, b) -> Long.compare(a.sealNo(), b.sealNo())).orElseThrow();
            checked.add("seals: #1.." + latest.sealNo() + " each signed and naming the one before; latest #"
                    + latest.sealNo() + " sealed " + latest.sealedAt() + ", digest " + latest.spokenDigest());
        }

        for (JsonNode scopeNode : manifest.path("scopes")) {
            String scope = scopeNode.path("scope").asText();
            if (!Bundle.SCOPE_ID.matcher(scope).matches()) {
                return edited("scope id " + scope + " is not allowed");
            }
            long from = scopeNode.path("from").asLong();
            byte[] anchor = Hashes.unhex(scopeNode.path("anchor").asText());
            if (from == 1 && !Arrays.equals(anchor, Chain.GENESIS)) {
                return edited("scope " + scope + " starts at position 1 but not from the genesis link");
            }
            List<EventRecord> events = new ArrayList<>();
            for (String line : Bundle.lines(entries.get(Bundle.eventsPath(scope)))) {
                EventRecord e = EventRecord.fromJson(Canonical.parse(line.getBytes(StandardCharsets.UTF_8)));
                if (!scope.equals(e.scope())) {
                    return new Finding(Finding.Reason.EVENT_INSERTED, scope, e.scopeSeq(), null,
                            "event " + e.eventId() + " belongs to scope " + e.scope());
                }
                events.add(e);
            }
            List<ChainCheck.StoredLink> links = new ArrayList<>();
            for (String line : Bundle.lines(entries.get(Bundle.linksPath(scope)))) {
                JsonNode l = Canonical.parse(line.getBytes(StandardCharsets.UTF_8));
                links.add(new ChainCheck.StoredLink(l.path("seq").asLong(), l.path("eventId").asText(),
                        Hashes.unhex(l.path("link").asText())));
            }
            List<ChainCheck.Checkpoint> checkpoints = new ArrayList<>();
            for (JsonNode p : Canonical.parse(entries.get(Bundle.proofsPath(scope))).path("proofs")) {
                Bundle.Proof proof = Bundle.Proof.fromJson(p);
                Seal seal = sealByNo.get(proof.sealNo());
                if (seal == null) {
                    return new Finding(Finding.Reason.SEAL_MISSING, scope, proof.seq(), proof.sealNo(),
                            "a proof refers to a seal the bundle does not hold");
                }
                List<byte[]> path = new ArrayList<>();
                proof.path().forEach(h -> path.add(Hashes.unhex(h)));
                byte[] leaf = Merkle.leafHash(Seal.leaf(scope, proof.seq(), proof.link()));
                if (proof.treeSize() != seal.treeSize()
                        || !Merkle.proves(proof.leafIndex(), seal.treeSize(), leaf, path, Hashes.unhex(seal.root()))) {
                    return new Finding(Finding.Reason.SEAL_NOT_MATCHING, scope, proof.seq(), proof.sealNo(),
                            "the inclusion proof of this scope's head does not lead to the root the seal signed");
                }
                checkpoints.add(new ChainCheck.Checkpoint(proof.sealNo(), proof.seq(), Hashes.unhex(proof.link())));
            }
            ChainCheck.Result r = ChainCheck.check(scope, from, anchor, events, links, checkpoints);
            if (!r.ok()) {
                return r.finding();
            }
            if (r.sealedTo() == 0 && r.to() >= from) {
                return new Finding(Finding.Reason.SEAL_MISSING, scope, from, null,
                        "no seal in the bundle covers these events, so nothing proves them");
            }
            String line = "scope " + scope + ": positions " + from + ".." + r.to() + " recomputed, every link matches";
            if (r.sealedTo() > 0) {
                line += "; sealed up to " + r.sealedTo() + " by seal #" + r.sealNo() + " (inclusion proof checks"
                        + " against its signed root)";
            }
            if (r.to() > r.sealedTo()) {
                line += "; " + (r.sealedTo() + 1) + ".." + r.to() + " chained but not sealed yet";
            }
            checked.add(line);
        }
        return null;
    }

    /** A seal problem named with the scope position the seal signed, when one of the bundle's proofs says. */
    private static Finding located(Finding problem, JsonNode manifest, Map<String, byte[]> entries) {
        if (problem.sealNo() == null) {
            return problem;
        }
        for (JsonNode scopeNode : manifest.path("scopes")) {
            String scope = scopeNode.path("scope").asText();
            byte[] proofs = entries.get(Bundle.proofsPath(scope));
            if (proofs == null) {
                continue;
            }
            for (JsonNode p : Canonical.parse(proofs).path("proofs")) {
                if (p.path("sealNo").asLong() == problem.sealNo()) {
                    return new Finding(problem.reason(), scope, p.path("seq").asLong(), problem.sealNo(), problem.detail());
                }
            }
        }
        return problem;
    }

    private static String describeKeys(List<LedgerKey> keys) {
        StringBuilder s = new StringBuilder();
        for (LedgerKey k : keys) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(k.keyId()).append(k.previousKeyId() == null ? " (first)" : " (endorsed by " + k.previousKeyId() + ")");
        }
        return s.toString();
    }

    private static Finding edited(String detail) {
        return new Finding(Finding.Reason.BUNDLE_EDITED, null, null, null, detail);
    }
}
