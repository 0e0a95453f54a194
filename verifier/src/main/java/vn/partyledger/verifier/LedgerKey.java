package vn.partyledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * A public key of the ledger (Ed25519, X.509 encoded, base64). Its id is derived from the key itself, so an id cannot
 * be reused for another key. A key after the first carries an endorsement: the previous key's signature over the new
 * key, so the keys form a chain back to the first one the inspector trusts.
 */
public record LedgerKey(String keyId, String publicKey, String createdAt, String previousKeyId, String endorsement) {

    public static String idOf(byte[] x509) {
        return Hashes.hex(Arrays.copyOf(Hashes.sha256(x509), 8));
    }

    public static String idOf(String publicKeyBase64) {
        return idOf(Base64.getDecoder().decode(publicKeyBase64));
    }

    /** What the previous key signs when a new key takes over. */
    public static byte[] endorsementMessage(String keyId, String publicKey) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("purpose", "party-ledger-key-endorsement");
        o.put("keyId", keyId);
        o.put("publicKey", publicKey);
        return Canonical.bytes(o);
    }

    public PublicKey decode() throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
    }

    public boolean verifies(byte[] message, String signatureBase64) {
        if (signatureBase64 == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(decode());
            verifier.update(message);
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("keyId", keyId);
        o.put("algorithm", "Ed25519");
        o.put("publicKey", publicKey);
        o.put("createdAt", createdAt);
        o.put("previousKeyId", previousKeyId);
        o.put("endorsement", endorsement);
        return o;
    }

    public static LedgerKey fromJson(JsonNode o) {
        return new LedgerKey(o.path("keyId").asText(null), o.path("publicKey").asText(null),
                o.path("createdAt").asText(null), o.hasNonNull("previousKeyId") ? o.get("previousKeyId").asText() : null,
                o.hasNonNull("endorsement") ? o.get("endorsement").asText() : null);
    }
}
