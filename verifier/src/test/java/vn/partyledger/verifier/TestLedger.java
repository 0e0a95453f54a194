package vn.partyledger.verifier;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A small ledger built in memory: events of several scopes, their links, one key, a seal over the heads. */
final class TestLedger {

    final KeyPair keyPair = newKey();
    final LedgerKey key = new LedgerKey(LedgerKey.idOf(keyPair.getPublic().getEncoded()),
            Base64.getEncoder().encodeToString(keyPair.getPublic().getEncoded()), "2026-01-01T00:00:00Z", null, null);
    final Map<String, List<EventRecord>> events = new TreeMap<>();
    final List<Seal> seals = new ArrayList<>();
    final Map<Long, List<byte[]>> sealLeaves = new TreeMap<>();
    final Map<Long, List<String>> sealScopes = new TreeMap<>();
    private long position;

    EventRecord append(String scope, String text) {
        List<EventRecord> list = events.computeIfAbsent(scope, s -> new ArrayList<>());
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        meta.put("occurredOn", "2020-03-23").put("recordedAt", "2026-11-26T10:00:00Z").put("scope", scope);
        meta.putObject("actor").put("userId", "u1").put("role", "OPERATOR");
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("organizationId", scope).put("text", text)
                .put("count", 3);
        EventRecord e = new EventRecord(++position, scope, list.size() + 1, "ev-" + position, "agg-" + scope,
                list.size(), "Organization", "vn.partyledger.api.Test", null, meta, payload);
        list.add(e);
        return e;
    }

    List<ChainCheck.StoredLink> links(String scope) {
        List<ChainCheck.StoredLink> links = new ArrayList<>();
        byte[] previous = Chain.GENESIS;
        for (EventRecord e : events.get(scope)) {
            previous = Chain.link(previous, e.canonicalBytes());
            links.add(new ChainCheck.StoredLink(e.scopeSeq(), e.eventId(), previous));
        }
        return links;
    }

    Seal seal() {
        List<byte[]> leaves = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        for (String scope : events.keySet()) {
            List<ChainCheck.StoredLink> links = links(scope);
            ChainCheck.StoredLink head = links.get(links.size() - 1);
            leaves.add(Merkle.leafHash(Seal.leaf(scope, head.seq(), Hashes.hex(head.link()))));
            scopes.add(scope);
        }
        long no = seals.size() + 1;
        String previous = seals.isEmpty() ? null : seals.get(seals.size() - 1).digest();
        Seal unsigned = new Seal(no, "2026-11-26T11:00:00Z", previous, leaves.size(), Hashes.hex(Merkle.root(leaves)),
                key.keyId(), null);
        Seal seal = new Seal(no, unsigned.sealedAt(), previous, unsigned.treeSize(), unsigned.root(), key.keyId(),
                sign(keyPair, unsigned.statementBytes()));
        seals.add(seal);
        sealLeaves.put(no, leaves);
        sealScopes.put(no, scopes);
        return seal;
    }

    List<ChainCheck.Checkpoint> checkpoints(String scope) {
        List<ChainCheck.Checkpoint> checkpoints = new ArrayList<>();
        for (Bundle.Proof p : proofs(scope)) {
            checkpoints.add(new ChainCheck.Checkpoint(p.sealNo(), p.seq(), Hashes.unhex(p.link())));
        }
        return checkpoints;
    }

    List<Bundle.Proof> proofs(String scope) {
        List<Bundle.Proof> proofs = new ArrayList<>();
        for (Seal s : seals) {
            int index = sealScopes.get(s.sealNo()).indexOf(scope);
            if (index < 0) {
                continue;
            }
            List<byte[]> leaves = sealLeaves.get(s.sealNo());
            // the sealed head is the one whose leaf hash sits at this index
            List<ChainCheck.StoredLink> links = links(scope);
            ChainCheck.StoredLink head = null;
            for (ChainCheck.StoredLink l : links) {
                if (java.util.Arrays.equals(Merkle.leafHash(Seal.leaf(scope, l.seq(), Hashes.hex(l.link()))),
                        leaves.get(index))) {
                    head = l;
                }
            }
            List<String> path = new ArrayList<>();
            Merkle.inclusionProof(index, leaves).forEach(h -> path.add(Hashes.hex(h)));
            proofs.add(new Bundle.Proof(s.sealNo(), s.treeSize(), index, head.seq(), Hashes.hex(head.link()), path));
        }
        return proofs;
    }

    byte[] bundle(String scope) {
        return bundle(List.of(new Bundle.ScopePart(scope, 1, Chain.GENESIS, events.get(scope), links(scope),
                proofs(scope))));
    }

    byte[] bundle(List<Bundle.ScopePart> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ObjectNode header = JsonNodeFactory.instance.objectNode().put("scope", parts.get(0).scope())
                .put("exportedAt", "2026-11-26T12:00:00Z");
        List<SealCheck.Recorded> recorded = seals.stream().map(s -> new SealCheck.Recorded(s.sealNo(), s.digest())).toList();
        try {
            Bundle.write(out, header, parts, List.of(key), seals, recorded, key.keyId(), bytes -> sign(keyPair, bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(KeyPair keyPair, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keyPair.getPrivate());
            s.update(message);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
