package vn.partyledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One stored event as the chain sees it: its place (global position, scope, scope sequence), its identity (event id,
 * aggregate id and sequence), its type, the whole envelope (Axon metadata: actor, occurredOn, recordedAt, authority,
 * correction refs, correlation) and the payload. Its canonical bytes are the JCS form of {@link #toJson()}.
 */
public record EventRecord(long position, String scope, long scopeSeq, String eventId, String aggregateId,
                          long aggregateSeq, String aggregateType, String payloadType, String payloadRevision,
                          JsonNode metadata, JsonNode payload) {

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("position", position);
        o.put("scope", scope);
        o.put("scopeSeq", scopeSeq);
        o.put("eventId", eventId);
        o.put("aggregateId", aggregateId);
        o.put("aggregateSeq", aggregateSeq);
        o.put("aggregateType", aggregateType);
        o.put("payloadType", payloadType);
        o.put("payloadRevision", payloadRevision);
        o.set("metadata", metadata == null ? JsonNodeFactory.instance.nullNode() : metadata);
        o.set("payload", payload == null ? JsonNodeFactory.instance.nullNode() : payload);
        return o;
    }

    public byte[] canonicalBytes() {
        return Canonical.bytes(toJson());
    }

    /**
     * The canonical bytes of the event whose metadata and payload are the stored JSON texts {@code metadata} (null for
     * none) and {@code payload}: the same bytes as {@link #canonicalBytes()} of the record read from them, without
     * reading them into trees and writing them out again first (JCS reads the texts itself). The chainer links every
     * new event this way; reading each payload twice was about half of its time in a profile of whole-meeting ingest.
     */
    public static byte[] canonicalBytes(long position, String scope, long scopeSeq, String eventId, String aggregateId,
                                        long aggregateSeq, String aggregateType, String payloadType,
                                        String payloadRevision, byte[] metadata, byte[] payload) {
        // The texts go into toJson() as raw values, written out as they are for JCS: one list of the record's fields.
        return new EventRecord(position, scope, scopeSeq, eventId, aggregateId, aggregateSeq, aggregateType,
                payloadType, payloadRevision, raw(metadata), raw(payload)).canonicalBytes();
    }

    private static JsonNode raw(byte[] json) {
        if (json == null) {
            return null;
        }
        try {
            // Strict, as reading them into a tree was: bytes that are not UTF-8 are refused, never replaced.
            return JsonNodeFactory.instance.rawValueNode(new RawValue(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json)).toString()));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid JSON: not UTF-8 text", e);
        }
    }

    /** Reads the JSON form back (a line of a bundle's events file). */
    public static EventRecord fromJson(JsonNode o) {
        return new EventRecord(o.path("position").asLong(), text(o, "scope"), o.path("scopeSeq").asLong(),
                text(o, "eventId"), text(o, "aggregateId"), o.path("aggregateSeq").asLong(), text(o, "aggregateType"),
                text(o, "payloadType"), text(o, "payloadRevision"), o.get("metadata"), o.get("payload"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
