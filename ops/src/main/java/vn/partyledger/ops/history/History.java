package vn.partyledger.ops.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.provenance.Provenance;

/**
 * A page of a history: the facts in order, each with its envelope, a one-line summary and the fact itself.
 * {@code nextAfter} is the cursor of the next page ({@code after=}), null on the last.
 */
public record History(String subjectId, List<Entry> items, int page, int size, long total, Long nextAfter,
               Provenance provenance) {

    /**
     * One fact. {@code correctsEventId}/{@code reason}: this fact corrects another; {@code correctedBy}: the facts
     * that correct this one (as known at the answer's knownAt), so the original and its correction sit side by side.
     */
    public record Entry(long position, String scope, long scopeSeq, String eventId, String type, LocalDate occurredOn,
                 Instant recordedAt, JsonNode actor, JsonNode authority, String correlationId, String causationId,
                 String correctsEventId, String reason, List<String> correctedBy, String summary, JsonNode fact) {
    }
}
