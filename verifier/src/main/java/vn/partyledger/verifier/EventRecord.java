package vn.partyledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
