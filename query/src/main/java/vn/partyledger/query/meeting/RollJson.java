package vn.partyledger.query.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.partyledger.api.meeting.RollMember;

/**
 * A meeting's roll as the meeting register keeps it: one jsonb array on the meeting's row, the members sorted by member
 * id, each an object with exactly the fields of {@link RollMember}. SQL reads the same keys (the attendance risk, the
 * migration that moved the rows here), so the mapper is this read model's own, not the web layer's, whose settings
 * (naming, inclusion) may be tuned for its clients. See docs/decisions/0020.
 */
final class RollJson {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<RollMember>> MEMBERS = new TypeReference<>() {
    };

    private RollJson() {
    }

    /**
     * Sorted by member id in Java's string order: PostgreSQL's {@code collate "C"} for any id inside the Basic
     * Multilingual Plane (the migration that moved the rows here sorts so), and the database's own order for the UUIDs
     * the ledger issues. A member listed twice is kept once, the first listing, as the table's primary key kept it.
     */
    static String write(List<RollMember> members) {
        Map<String, RollMember> byId = new TreeMap<>();
        members.forEach(m -> byId.putIfAbsent(m.memberId(), m));
        try {
            return JSON.writeValueAsString(byId.values());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a roll member could not be written as JSON", e);
        }
    }

    /** A meeting not opened has no roll: no members. */
    static List<RollMember> read(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.copyOf(JSON.readValue(json, MEMBERS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored roll is not a list of roll members", e);
        }
    }
}
