package vn.partyledger.verifier;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recomputes one scope's chain from its events and compares every link with the stored one and every sealed head with
 * the link the seal signed. The service's verification and the offline verifier both run this, so they agree on what
 * is broken and where.
 *
 * <p>Reasons, in the order they are told apart at a position: no event where the chain or a seal expects one (event
 * missing); an event the chain recorded at another position (events swapped); an event the chain never saw (event
 * inserted); an event whose bytes no longer give its link (payload or envelope changed) or a link that alone was edited
 * (stored link changed); a chain that, relinked by whoever edited it, no longer reaches the sealed head (seal not
 * matching).
 */
public final class ChainCheck {

    /** A link as stored beside the events. */
    public record StoredLink(long seq, String eventId, byte[] link) {
    }

    /** A scope head a signed seal vouches for (its inclusion proof already checked against the signed root). */
    public record Checkpoint(long sealNo, long seq, byte[] link) {
    }

    /** The outcome: the range walked, the last position proven by a seal, and the first finding if any. */
    public record Result(String scope, long from, long to, long sealedTo, Long sealNo, Finding finding) {
        public boolean ok() {
            return finding == null;
        }
    }

    private ChainCheck() {
    }

    /** One window of a scope's walk: its outcome, and the link computed at its last position (the next one's anchor). */
    public record Window(Result result, byte[] head) {
    }

    /**
     * @param from   the first position of the range (1 for a whole scope)
     * @param anchor the link before {@code from} (the genesis for position 1); if it was forged, the sealed heads will
     *               not be reached
     */
    public static Result check(String scope, long from, byte[] anchor, List<EventRecord> events,
                               List<StoredLink> links, List<Checkpoint> checkpoints) {
        long last = from - 1;
        for (EventRecord e : events) {
            last = Math.max(last, e.scopeSeq());
        }
        for (StoredLink l : links) {
            last = Math.max(last, l.seq());
        }
        for (Checkpoint c : checkpoints) {
            if (c.seq() >= from) {
                last = Math.max(last, c.seq());
            }
        }
        return window(scope, from, last, last, anchor, events, links, checkpoints, Set.of(), Map.of()).result();
    }

    /**
     * Walks positions {@code from} to {@code to} of a scope whose last position (of an event, a link or a sealed head)
     * is {@code last}, so that a long scope is checked a window at a time: {@code events} and {@code links} hold the
     * window's (and best the one position after it, which tells an edited link from a changed event at its end).
     * What lies outside the lists only matters to tell a finding's reason: {@code presentElsewhere} names events of the
     * scope outside them, {@code chainedElsewhere} says where events of the lists were chained outside them.
     */
    public static Window window(String scope, long from, long to, long last, byte[] anchor, List<EventRecord> events,
                                List<StoredLink> links, List<Checkpoint> checkpoints, Set<String> presentElsewhere,
                                Map<String, Long> chainedElsewhere) {
        Map<Long, EventRecord> bySeq = new HashMap<>();
        Set<String> present = new HashSet<>(presentElsewhere);
        for (EventRecord e : events) {
            if (bySeq.putIfAbsent(e.scopeSeq(), e) != null) {
                return new Window(new Result(scope, from, from - 1, 0, null, new Finding(Finding.Reason.EVENT_INSERTED,
                        scope, e.scopeSeq(), null, "two events claim this position: " + bySeq.get(e.scopeSeq()).eventId()
                        + " and " + e.eventId())), anchor);
            }
            present.add(e.eventId());
        }
        Map<Long, StoredLink> linkBySeq = new HashMap<>();
        Map<String, Long> chainedAt = new HashMap<>(chainedElsewhere);
        for (StoredLink l : links) {
            linkBySeq.put(l.seq(), l);
            chainedAt.put(l.eventId(), l.seq());
        }
        Map<Long, Checkpoint> sealedAt = new HashMap<>();
        for (Checkpoint c : checkpoints) {
            if (c.seq() >= from && c.seq() <= to) {
                sealedAt.merge(c.seq(), c, (a, b) -> a.sealNo() <= b.sealNo() ? a : b);
            }
        }

        byte[] previous = anchor;
        long sealedTo = 0;
        Long sealNo = null;
        for (long i = from; i <= to; i++) {
            EventRecord e = bySeq.get(i);
            StoredLink stored = linkBySeq.get(i);
            Long wasAt = e == null ? null : chainedAt.get(e.eventId());
            Finding finding = null;
            if (e == null) {
                String detail = stored != null
                        ? "event " + stored.eventId() + " was chained here and is gone"
                        : "no event here, though the chain or a seal reaches position " + last;
                finding = new Finding(Finding.Reason.EVENT_MISSING, scope, i, null, detail);
            } else if (stored != null && !present.contains(stored.eventId())) {
                finding = new Finding(Finding.Reason.EVENT_MISSING, scope, i, null, "event " + stored.eventId()
                        + " was chained here and is gone; " + e.eventId() + " stands in its place");
            } else if (wasAt != null && wasAt != i) {
                finding = new Finding(Finding.Reason.EVENTS_SWAPPED, scope, i, null, "event " + e.eventId()
                        + " was chained at position " + wasAt
                        + (stored != null ? "; the event chained here, " + stored.eventId() + ", is elsewhere or gone" : ""));
            } else if (stored != null && !stored.eventId().equals(e.eventId())) {
                finding = new Finding(Finding.Reason.EVENT_INSERTED, scope, i, null, "event " + e.eventId()
                        + " was never chained; the chain has " + stored.eventId() + " here");
            }
            if (finding != null) {
                return new Window(new Result(scope, from, i - 1, sealedTo, sealNo, finding), previous);
            }
            byte[] link = Chain.link(previous, e.canonicalBytes());
            if (stored != null && !Arrays.equals(link, stored.link())) {
                return new Window(new Result(scope, from, i - 1, sealedTo, sealNo,
                        linkMismatch(scope, i, stored, bySeq, linkBySeq)), previous);
            }
            Checkpoint sealed = sealedAt.get(i);
            if (sealed != null) {
                if (!Arrays.equals(link, sealed.link())) {
                    return new Window(new Result(scope, from, i - 1, sealedTo, sealNo, new Finding(
                            Finding.Reason.SEAL_NOT_MATCHING, scope, i, sealed.sealNo(), "the chain recomputed from the"
                            + " events does not reach the head this seal signed: an event at or before this position"
                            + " was changed, removed or inserted and the links recomputed")), previous);
                }
                sealedTo = i;
                sealNo = sealed.sealNo();
            }
            previous = link;
        }
        return new Window(new Result(scope, from, to, sealedTo, sealNo, null), previous);
    }

    /** The event's bytes changed if the stored link still leads on to the next stored link; else the link was edited. */
    private static Finding linkMismatch(String scope, long i, StoredLink stored, Map<Long, EventRecord> bySeq,
                                        Map<Long, StoredLink> linkBySeq) {
        EventRecord next = bySeq.get(i + 1);
        StoredLink nextLink = linkBySeq.get(i + 1);
        if (next != null && nextLink != null && next.eventId().equals(nextLink.eventId())) {
            boolean linkLeadsOn = Arrays.equals(Chain.link(stored.link(), next.canonicalBytes()), nextLink.link());
            return linkLeadsOn
                    ? new Finding(Finding.Reason.PAYLOAD_CHANGED, scope, i, null,
                            "event " + stored.eventId() + " no longer has the bytes it was chained with")
                    : new Finding(Finding.Reason.LINK_CHANGED, scope, i, null,
                            "the stored link of event " + stored.eventId() + " was edited");
        }
        return new Finding(Finding.Reason.PAYLOAD_CHANGED, scope, i, null,
                "event " + stored.eventId() + " (the last one chained) no longer gives its stored link");
    }
}
