package vn.partyledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
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

    /**
     * One scope's part of a bundle: positions {@code from..} with the link before {@code from} as anchor. The events
     * and links are gone through once, in order, so they may be read from the store as they are written.
     */
    public record ScopePart(String scope, long from, byte[] anchor, Iterable<EventRecord> events,
                            Iterable<ChainCheck.StoredLink> links, List<Proof> proofs) {
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
        Map<String, Entry> entries = new LinkedHashMap<>();
        try {
            ObjectNode keysJson = JsonNodeFactory.instance.objectNode();
            ArrayNode keyArray = keysJson.putArray("keys");
            keys.forEach(k -> keyArray.add(k.toJson()));
            entries.put(KEYS, new InMemory(Canonical.bytes(keysJson)));

            ObjectNode sealsJson = JsonNodeFactory.instance.objectNode();
            ArrayNode sealArray = sealsJson.putArray("seals");
            seals.forEach(s -> sealArray.add(s.toJson()));
            ArrayNode recordedArray = sealsJson.putArray("recorded");
            recorded.forEach(r -> recordedArray.addObject().put("sealNo", r.sealNo()).put("digest", r.digest()));
            entries.put(SEALS, new InMemory(Canonical.bytes(sealsJson)));

            ObjectNode manifest = header.deepCopy();
            manifest.put("format", FORMAT);
            manifest.put("keyId", keyId);
            ArrayNode scopeArray = manifest.putArray("scopes");
            for (ScopePart part : scopes) {
                if (!SCOPE_ID.matcher(part.scope()).matches()) {
                    throw new IllegalArgumentException("scope id not allowed in a bundle: " + part.scope());
                }
                long[] to = {part.from() - 1};
                entries.put(eventsPath(part.scope()), Spooled.of(events -> {
                    for (EventRecord e : part.events()) {
                        events.write(e.canonicalBytes());
                        events.write('\n');
                        to[0] = e.scopeSeq();
                    }
                }));
                entries.put(linksPath(part.scope()), Spooled.of(links -> {
                    for (ChainCheck.StoredLink l : part.links()) {
                        ObjectNode line = JsonNodeFactory.instance.objectNode();
                        line.put("seq", l.seq());
                        line.put("eventId", l.eventId());
                        line.put("link", Hashes.hex(l.link()));
                        links.write(Canonical.bytes(line));
                        links.write('\n');
                    }
                }));
                ObjectNode proofs = JsonNodeFactory.instance.objectNode();
                ArrayNode proofArray = proofs.putArray("proofs");
                part.proofs().forEach(p -> proofArray.add(p.toJson()));
                entries.put(proofsPath(part.scope()), new InMemory(Canonical.bytes(proofs)));
                scopeArray.addObject().put("scope", part.scope()).put("from", part.from()).put("to", to[0])
                        .put("anchor", Hashes.hex(part.anchor()));
            }
            ArrayNode entryArray = manifest.putArray("entries");
            entries.forEach((path, entry) -> entryArray.addObject().put("path", path)
                    .put("sha256", Hashes.hex(entry.sha256())).put("bytes", entry.size()));
            byte[] manifestBytes = Canonical.bytes(manifest);

            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, MANIFEST, new InMemory(manifestBytes));
                put(zip, MANIFEST_SIGNATURE, new InMemory(signer.apply(manifestBytes).getBytes(StandardCharsets.US_ASCII)));
                for (Map.Entry<String, Entry> e : entries.entrySet()) {
                    put(zip, e.getKey(), e.getValue());
                }
            }
        } finally {
            for (Entry e : entries.values()) {
                if (e instanceof Spooled spooled) {
                    Files.deleteIfExists(spooled.file());
                }
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, Entry entry) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        entry.copyTo(zip);
        zip.closeEntry();
    }

    /** An entry's bytes, hashed for the manifest before the zip is written (the manifest comes first in it). */
    private sealed interface Entry permits InMemory, Spooled {
        byte[] sha256();

        long size();

        void copyTo(OutputStream out) throws IOException;
    }

    private record InMemory(byte[] bytes) implements Entry {
        @Override
        public byte[] sha256() {
            return Hashes.sha256(bytes);
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public void copyTo(OutputStream out) throws IOException {
            out.write(bytes);
        }
    }

    /**
     * A scope's events or links, written to a temporary file as they are read and hashed on the way: a scope's whole
     * history does not have to fit in memory, nor a subtree's.
     */
    private record Spooled(Path file, byte[] sha256, long size) implements Entry {

        interface Writer {
            void write(OutputStream out) throws IOException;
        }

        static Spooled of(Writer writer) throws IOException {
            Path file = Files.createTempFile("bundle-", ".jsonl");
            try {
                MessageDigest digest = Hashes.sha256();
                try (OutputStream out = new BufferedOutputStream(
                        new DigestOutputStream(Files.newOutputStream(file), digest), 64 * 1024)) {
                    writer.write(out);
                }
                return new Spooled(file, digest.digest(), Files.size(file));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        }

        @Override
        public void copyTo(OutputStream out) throws IOException {
            Files.copy(file, out);
        }
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
