package vn.partyledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * A seal: the ledger's signed statement of the Merkle root over every scope's head at one moment. It names the digest
 * of the seal before it, so seals form a chain of their own and a removed seal leaves a hole. The signature is Ed25519
 * over the canonical bytes of the statement; the digest (SHA-256 of the same bytes) is what is published.
 */
public record Seal(long sealNo, String sealedAt, String previous, long treeSize, String root, String keyId,
                   String signature) {

    public static final String FORMAT = "party-ledger-seal/1";

    public ObjectNode statement() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", FORMAT);
        o.put("sealNo", sealNo);
        o.put("sealedAt", sealedAt);
        o.put("previous", previous);
        o.put("treeSize", treeSize);
        o.put("root", root);
        o.put("keyId", keyId);
        return o;
    }

    public byte[] statementBytes() {
        return Canonical.bytes(statement());
    }

    public byte[] digestBytes() {
        return Hashes.sha256(statementBytes());
    }

    public String digest() {
        return Hashes.hex(digestBytes());
    }

    /** The digest a person reads aloud or copies into the minutes book: the first 120 bits of the digest as 24 base32 characters in six groups of four. */
    public String spokenDigest() {
        return spoken(digestBytes());
    }

    public static String spoken(byte[] digest) {
        String b32 = Base32.encode(Arrays.copyOf(digest, 15));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < b32.length(); i += 4) {
            if (i > 0) {
                out.append('-');
            }
            out.append(b32, i, i + 4);
        }
        return out.toString();
    }

    public ObjectNode toJson() {
        ObjectNode o = statement();
        o.put("signature", signature);
        o.put("digest", digest());
        o.put("spokenDigest", spokenDigest());
        return o;
    }

    public static Seal fromJson(JsonNode o) {
        return new Seal(o.path("sealNo").asLong(), o.path("sealedAt").asText(null), nullable(o, "previous"),
                o.path("treeSize").asLong(), o.path("root").asText(null), o.path("keyId").asText(null),
                o.path("signature").asText(null));
    }

    /** The leaf of one scope in a seal's tree: canonical {@code {"link", "scope", "seq"}}. */
    public static byte[] leaf(String scope, long seq, String linkHex) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("scope", scope);
        o.put("seq", seq);
        o.put("link", linkHex);
        return Canonical.bytes(o);
    }

    private static String nullable(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** RFC 4648 base32 without padding: letters and digits 2-7 only, easy to read aloud and to type. */
    static final class Base32 {
        private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

        static String encode(byte[] data) {
            StringBuilder out = new StringBuilder();
            int buffer = 0;
            int bits = 0;
            for (byte b : data) {
                buffer = (buffer << 8) | (b & 0xff);
                bits += 8;
                while (bits >= 5) {
                    out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                    bits -= 5;
                }
            }
            if (bits > 0) {
                out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
            }
            return out.toString();
        }
    }
}
