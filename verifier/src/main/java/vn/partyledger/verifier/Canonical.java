package vn.partyledger.verifier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JCS) canonical bytes of a JSON value: sorted keys, no whitespace, ECMAScript number form, UTF-8. Any
 * language with a JCS library recomputes the same bytes, which is why hashes and signatures are taken over them.
 */
public final class Canonical {

    /** Floats are read as BigDecimal so nothing is rounded before JCS applies its own (IEEE double) number rule. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Canonical() {
    }

    public static byte[] bytes(JsonNode value) {
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(value)).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Canonical form of JSON text; refuses anything that is not one JSON value. */
    public static byte[] bytes(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }
}
