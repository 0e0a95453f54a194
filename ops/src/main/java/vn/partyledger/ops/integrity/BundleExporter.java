package vn.partyledger.ops.integrity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.verifier.Bundle;
import vn.partyledger.verifier.Chain;
import vn.partyledger.verifier.ChainCheck;
import vn.partyledger.verifier.EventRecord;
import vn.partyledger.verifier.Hashes;
import vn.partyledger.verifier.LedgerKey;
import vn.partyledger.verifier.Merkle;
import vn.partyledger.verifier.Seal;

/**
 * Writes the inspector bundle of one organisation (and optionally its subtree, one chain per organisation). A date
 * range selects the events recorded in it (business zone), widened at the end to the first seal that covers them, so
 * the last event is proven too; the link before the first event anchors the range. Everything is exported as stored,
 * even when it no longer verifies: the bundle is the evidence, the verifier judges it.
 */
@Component
class BundleExporter {

    record Request(String organizationId, boolean subtree, LocalDate from, LocalDate to, String exportedBy) {
    }

    private final JdbcTemplate jdbc;
    private final LedgerEvents events;
    private final LedgerKeys keys;
    private final Sealer sealer;
    private final Chainer chainer;
    private final Clock clock;
    private final ZoneId businessZone;
    /** Events and links read at a time while a bundle is written. */
    private final int page;

    BundleExporter(JdbcTemplate jdbc, LedgerEvents events, LedgerKeys keys, Sealer sealer, Chainer chainer, Clock clock,
                   @Value("${ledger.business-zone:Asia/Ho_Chi_Minh}") String businessZone,
                   @Value("${ledger.chain.read-window:2000}") int page) {
        this.jdbc = jdbc;
        this.page = page;
        this.events = events;
        this.keys = keys;
        this.sealer = sealer;
        this.chainer = chainer;
        this.clock = clock;
        this.businessZone = ZoneId.of(businessZone);
    }

    /** The organisation and, with {@code subtree}, every organisation below it (by the current tree). */
    List<String> scopes(String organizationId, boolean subtree) {
        if (!subtree) {
            return List.of(organizationId);
        }
        return jdbc.queryForList("""
                WITH RECURSIVE down (organization_id) AS (
                    SELECT CAST(? AS VARCHAR)
                    UNION
                    SELECT o.organization_id FROM cmd_organization o JOIN down d ON o.parent_id = d.organization_id)
                SELECT organization_id FROM down ORDER BY organization_id""", String.class, organizationId);
    }

    void write(Request request, List<String> scopes, OutputStream out) throws IOException {
        chainer.chainPending();
        List<Bundle.ScopePart> parts = new ArrayList<>();
        for (String scope : scopes) {
            parts.add(part(scope, request.from(), request.to()));
        }
        List<Seal> seals = sealer.all();
        String keyId = keys.current().map(LedgerKey::keyId)
                .orElseThrow(() -> new NoSigningKeyException("the ledger has no key yet"));
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("organizationId", request.organizationId());
        header.put("subtree", request.subtree());
        header.put("from", request.from() == null ? null : request.from().toString());
        header.put("to", request.to() == null ? null : request.to().toString());
        header.put("exportedAt", clock.instant().toString());
        header.put("exportedBy", request.exportedBy());
        Bundle.write(out, header, parts, keys.all(), seals, sealer.recorded(), keyId,
                bytes -> keys.sign(keyId, bytes).signature());
    }

    private Bundle.ScopePart part(String scope, LocalDate from, LocalDate to) {
        long head = jdbc.query("SELECT seq FROM ledger_chain_head WHERE scope_id = ?", (rs, i) -> rs.getLong(1), scope)
                .stream().findFirst().orElse(0L);
        long first = 1;
        long last = head;
        if (from != null) {
            Long min = jdbc.queryForObject("SELECT min(scope_seq) FROM ledger_event WHERE scope_id = ? AND recorded_at >= ?",
                    Long.class, scope, Timestamp.from(from.atStartOfDay(businessZone).toInstant()));
            first = min == null ? head + 1 : min;
        }
        if (to != null) {
            Long max = jdbc.queryForObject("SELECT max(scope_seq) FROM ledger_event WHERE scope_id = ? AND recorded_at < ?",
                    Long.class, scope, Timestamp.from(to.plusDays(1).atStartOfDay(businessZone).toInstant()));
            last = max == null ? 0 : Math.min(max, head);
        }
        List<Map<String, Object>> sealedLeaves = sealer.leavesOf(scope, 0);
        if (to != null) {
            long wanted = last;
            // widen to the first sealed head at or after the range's end, so its last event is proven too
            last = sealedLeaves.stream().mapToLong(l -> ((Number) l.get("seq")).longValue()).filter(s -> s >= wanted)
                    .min().orElse(head);
        }
        if (last < first) {
            return new Bundle.ScopePart(scope, first, anchor(scope, first), List.of(), List.of(), List.of());
        }
        List<Bundle.Proof> proofs = new ArrayList<>();
        Set<Long> proven = new HashSet<>();
        Map<String, Object> highest = sealedLeaves.stream()
                .max(java.util.Comparator.comparingLong(l -> ((Number) l.get("seq")).longValue())).orElse(null);
        for (Map<String, Object> l : sealedLeaves) {
            long seq = ((Number) l.get("seq")).longValue();
            // an open-ended export always carries the highest head ever sealed: a chain cut short below it shows
            boolean beyond = seq > last && !(to == null && l == highest);
            if (seq < first || beyond || !proven.add(seq)) {
                continue;
            }
            long sealNo = ((Number) l.get("seal_no")).longValue();
            int index = ((Number) l.get("leaf_index")).intValue();
            List<byte[]> hashes = sealer.leaves(sealNo).stream().map(Sealer.Leaf::hash).toList();
            List<String> path = Merkle.inclusionProof(index, hashes).stream().map(Hashes::hex).toList();
            proofs.add(new Bundle.Proof(sealNo, hashes.size(), index, seq, Hashes.hex((byte[]) l.get("link")), path));
        }
        long end = last;
        Iterable<EventRecord> scopeEvents = paged(first, after -> events.range(scope, after + 1, end, page),
                EventRecord::scopeSeq);
        Iterable<ChainCheck.StoredLink> links = paged(first, after -> events.links(scope, after + 1, end, page),
                ChainCheck.StoredLink::seq);
        return new Bundle.ScopePart(scope, first, anchor(scope, first), scopeEvents, links, proofs);
    }

    /**
     * Rows from position {@code first} on, read a page at a time (each after the last position read) as the bundle is
     * written: a scope's whole history, or a subtree's, never has to fit in memory at once.
     */
    private <T> Iterable<T> paged(long first, LongFunction<List<T>> pageAfter, ToLongFunction<T> position) {
        return () -> new Iterator<>() {
            private long after = first - 1;
            private Iterator<T> current = Collections.emptyIterator();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (!current.hasNext() && !exhausted) {
                    List<T> rows = pageAfter.apply(after);
                    exhausted = rows.size() < page;
                    if (!rows.isEmpty()) {
                        after = position.applyAsLong(rows.get(rows.size() - 1));
                    }
                    current = rows.iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private byte[] anchor(String scope, long first) {
        if (first <= 1) {
            return Chain.GENESIS;
        }
        return jdbc.query("SELECT link FROM ledger_chain_link WHERE scope_id = ? AND scope_seq = ?",
                (rs, i) -> rs.getBytes(1), scope, first - 1).stream().findFirst().orElse(Chain.GENESIS);
    }
}
