package vn.partyledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The inspector bundle: one zip with, per scope, the events in canonical form (one per line), their links and the
 * Merkle proofs of the seals that cover them; every seal and every public key of the ledger; and a manifest that lists
 * the SHA-256 of every entry, signed with the ledger's key. Written by the service, read by the offline verifier.
 */
public final class Bundle {

    public static final String FORMAT = "party-ledger-bundle/1";
    public static final String MANIFEST = "manifest.json";
    public static final String MANIFEST_SIGNATURE = "manifest.sig";
    public static final String KEYS = "keys.json";
    public static final String SEALS = "seals.json";
    static final Pattern SCOPE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int MAX_ENTRY_BYTES = 512 * 1024 * 1024;

    /** A seal's inclusion proof for one scope head: leaf {@code (scope, seq, link)} at {@code leafIndex}. */
    public record Proof(long sealNo, long treeSize, long leafIndex, long seq, String link, List<String> path) {

        ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("sealNo", sealNo);
            o.put("treeSize", treeSize);
            o.put("leafIndex", leafIndex);
            o.put("seq", seq);
            o.put("link", link);
            ArrayNode p = o.putArray("path");
            path.forEach(p::add);
            return o;
        }

        static Proof fromJson(JsonNode o) {
            List<String> path = new ArrayList<>();
            o.path("path").forEach(n -> path.add(n.asText()));
            return new Proof(o.path("sealNo").asLong(), o.path("treeSize").asLong(), o.path("leafIndex").asLong(),
                    o.path("seq").asLong(), o.path("link").asText(null), path);
        }
    }

    /** One scope's part of a bundle: positions {@code from..} with the link before {@code from} as anchor. */
    public record ScopePart(String scope, long from, byte[] anchor, List<EventRecord> events,
                            List<ChainCheck.StoredLink> links, List<Proof> proofs) {
    }

    private Bundle() {
    }

    static String eventsPath(String scope) {
        return "scopes/" + scope + "/events.jsonl";
    }

    static String linksPath(String scope) {
        return "scopes/" + scope + "/links.jsonl";
    }

    static String proofsPath(String scope) {
        return "scopes/" + scope + "/proofs.json";
    }

    /**
     * Writes a bundle. {@code header} carries what was asked for (scope, subtree, from, to, exportedAt); the signer
     * returns the base64 Ed25519 signature of the manifest bytes with key {@code keyId}.
     */
    public static void write(OutputStream out, ObjectNode header, List<ScopePart> scopes, List<LedgerKey> keys,
                             List<Seal> seals, List<SealCheck.Recorded> recorded, String keyId,
                             Function<byte[], String> signer) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        ObjectNode keysJson = JsonNodeFactory.instance.objectNode();
        ArrayNode keyArray = keysJson.putArray("keys");
        keys.forEach(k -> keyArray.add(k.toJson()));
        entries.put(KEYS, Canonical.bytes(keysJson));

        ObjectNode sealsJson = JsonNodeFactory.instance.objectNode();
        ArrayNode sealArray = sealsJson.putArray("seals");
        seals.forEach(s -> sealArray.add(s.toJson()));
        ArrayNode recordedArray = sealsJson.putArray("recorded");
        recorded.forEach(r -> recordedArray.addObject().put("sealNo", r.sealNo()).put("digest", r.digest()));
        entries.put(SEALS, Canonical.bytes(sealsJson));

        ObjectNode manifest = header.deepCopy();
        manifest.put("format", FORMAT);
        manifest.put("keyId", keyId);
        ArrayNode scopeArray = manifest.putArray("scopes");
        for (ScopePart part : scopes) {
            if (!SCOPE_ID.matcher(part.scope()).matches()) {
                throw new IllegalArgumentException("scope id not allowed in a bundle: " + part.scope());
            }
            ByteArrayOutputStream events = new ByteArrayOutputStream();
            for (EventRecord e : part.events()) {
                events.write(e.canonicalBytes());
                events.write('\n');
            }
            ByteArrayOutputStream links = new ByteArrayOutputStream();
            for (ChainCheck.StoredLink l : part.links()) {
                ObjectNode line = JsonNodeFactory.instance.objectNode();
                line.put("seq", l.seq());
                line.put("eventId", l.eventId());
                line.put("link", Hashes.hex(l.link()));
                links.write(Canonical.bytes(line));
                links.write('\n');
            }
            ObjectNode proofs = JsonNodeFactory.instance.objectNode();
            ArrayNode proofArray = proofs.putArray("proofs");
            part.proofs().forEach(p -> proofArray.add(p.toJson()));
            entries.put(eventsPath(part.scope()), events.toByteArray());
            entries.put(linksPath(part.scope()), links.toByteArray());
            entries.put(proofsPath(part.scope()), Canonical.bytes(proofs));
            long to = part.events().isEmpty() ? part.from() - 1
                    : part.events().get(part.events().size() - 1).scopeSeq();
            scopeArray.addObject().put("scope", part.scope()).put("from", part.from()).put("to", to)
                    .put("anchor", Hashes.hex(part.anchor()));
        }
        ArrayNode entryArray = manifest.putArray("entries");
        entries.forEach((path, bytes) -> entryArray.addObject().put("path", path)
                .put("sha256", Hashes.hex(Hashes.sha256(bytes))).put("bytes", bytes.length));
        byte[] manifestBytes = Canonical.bytes(manifest);

        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, MANIFEST, manifestBytes);
            put(zip, MANIFEST_SIGNATURE, signer.apply(manifestBytes).getBytes(StandardCharsets.US_ASCII));
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Every entry of a bundle zip by name; a name twice is refused (it would hide one of them). */
    public static Map<String, byte[]> read(InputStream in) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes = readLimited(zip, entry.getName());
                if (entries.put(entry.getName(), bytes) != null) {
                    throw new IOException("the zip holds " + entry.getName() + " twice");
                }
            }
        }
        return entries;
    }

    private static byte[] readLimited(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_ENTRY_BYTES) {
                throw new IOException(name + " is larger than any bundle entry can be");
            }
        }
        return out.toByteArray();
    }

    static List<String> lines(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
