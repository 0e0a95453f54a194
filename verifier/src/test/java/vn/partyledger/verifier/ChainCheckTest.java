package vn.partyledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChainCheckTest {

    private static final String A = "org-a";
    private final TestLedger ledger = new TestLedger();
    private List<EventRecord> events;
    private List<ChainCheck.StoredLink> links;
    private List<ChainCheck.Checkpoint> sealed;

    @BeforeEach
    void sixEventsSealed() {
        for (int i = 1; i <= 6; i++) {
            ledger.append(A, "fact " + i);
        }
        ledger.seal();
        events = new ArrayList<>(ledger.events.get(A));
        links = ledger.links(A);
        sealed = ledger.checkpoints(A);
    }

    @Test
    void an_untouched_scope_is_ok_and_sealed_to_its_head() {
        ChainCheck.Result r = check();

        assertThat(r.ok()).isTrue();
        assertThat(r.to()).isEqualTo(6);
        assertThat(r.sealedTo()).isEqualTo(6);
        assertThat(r.sealNo()).isEqualTo(1);
    }

    @Test
    void a_scope_walked_in_windows_reaches_the_sealed_head_the_whole_walk_reaches() {
        byte[] head = Chain.GENESIS;
        ChainCheck.Result r = null;
        for (long from = 1; from <= 6; from += 2) {
            ChainCheck.Window w = ChainCheck.window(A, from, from + 1, 6, head, between(from, from + 2),
                    linksBetween(from, from + 2), sealed, java.util.Set.of(), java.util.Map.of());
            r = w.result();
            assertThat(r.ok()).as("window from %d", from).isTrue();
            head = w.head();
        }

        assertThat(r.sealedTo()).isEqualTo(6);
        assertThat(head).isEqualTo(links.get(5).link());
    }

    @Test
    void a_swap_across_windows_is_told_as_a_swap_once_the_window_knows_where_both_events_are() {
        EventRecord second = events.get(1);
        EventRecord fifth = events.get(4);
        swapSecondAndFifth();
        byte[] head = links.get(0).link();

        ChainCheck.Result alone = ChainCheck.window(A, 2, 3, 6, head, between(2, 4), linksBetween(2, 4), sealed,
                java.util.Set.of(), java.util.Map.of()).result();
        ChainCheck.Result told = ChainCheck.window(A, 2, 3, 6, head, between(2, 4), linksBetween(2, 4), sealed,
                java.util.Set.of(second.eventId()), java.util.Map.of(fifth.eventId(), 5L)).result();

        assertFinding(alone, Finding.Reason.EVENT_MISSING, 2);
        assertFinding(told, Finding.Reason.EVENTS_SWAPPED, 2);
    }

    private void swapSecondAndFifth() {
        EventRecord second = events.get(1);
        EventRecord fifth = events.get(4);
        events.set(1, renumber(fifth, 2));
        events.set(4, renumber(second, 5));
    }

    private List<EventRecord> between(long from, long to) {
        return events.stream().filter(e -> e.scopeSeq() >= from && e.scopeSeq() <= to).toList();
    }

    private List<ChainCheck.StoredLink> linksBetween(long from, long to) {
        return links.stream().filter(l -> l.seq() >= from && l.seq() <= to).toList();
    }

    @Test
    void one_changed_byte_of_a_payload_is_found_at_its_position() {
        EventRecord third = events.get(2);
        ((ObjectNode) third.payload()).put("text", "fact 4");

        assertFinding(check(), Finding.Reason.PAYLOAD_CHANGED, 3);
    }

    @Test
    void a_changed_envelope_is_found_too() {
        ((ObjectNode) events.get(1).metadata()).put("occurredOn", "2020-03-24");

        assertFinding(check(), Finding.Reason.PAYLOAD_CHANGED, 2);
    }

    @Test
    void a_deleted_event_is_missing_at_its_position() {
        events.remove(3);

        assertFinding(check(), Finding.Reason.EVENT_MISSING, 4);
    }

    @Test
    void a_deleted_event_with_the_later_ones_moved_up_is_missing_at_its_position() {
        events.remove(3);
        for (int i = 3; i < events.size(); i++) {
            events.set(i, renumber(events.get(i), i + 1));
        }

        assertFinding(check(), Finding.Reason.EVENT_MISSING, 4);
    }

    @Test
    void two_swapped_events_are_found_at_the_first_of_them() {
        swapSecondAndFifth();

        assertFinding(check(), Finding.Reason.EVENTS_SWAPPED, 2);
    }

    @Test
    void a_forged_event_inserted_in_the_middle_is_found_where_it_was_put() {
        EventRecord forged = renumber(new EventRecord(99, A, 3, "forged", "agg", 9, "Organization", "T", null,
                events.get(0).metadata(), events.get(0).payload()), 3);
        List<EventRecord> shifted = new ArrayList<>(events.subList(0, 2));
        shifted.add(forged);
        for (int i = 2; i < events.size(); i++) {
            shifted.add(renumber(events.get(i), i + 2));
        }
        events = shifted;

        assertFinding(check(), Finding.Reason.EVENT_INSERTED, 3);
    }

    @Test
    void a_truncated_chain_is_missing_the_first_event_the_seal_still_covers() {
        events = new ArrayList<>(events.subList(0, 4));
        links = new ArrayList<>(links.subList(0, 4));

        assertFinding(check(), Finding.Reason.EVENT_MISSING, 5);
    }

    @Test
    void an_edit_with_every_link_recomputed_is_caught_by_the_seal() {
        ((ObjectNode) events.get(2).payload()).put("text", "rewritten");
        List<ChainCheck.StoredLink> relinked = new ArrayList<>();
        byte[] previous = Chain.GENESIS;
        for (EventRecord e : events) {
            previous = Chain.link(previous, e.canonicalBytes());
            relinked.add(new ChainCheck.StoredLink(e.scopeSeq(), e.eventId(), previous));
        }
        links = relinked;

        ChainCheck.Result r = check();

        assertFinding(r, Finding.Reason.SEAL_NOT_MATCHING, 6);
        assertThat(r.finding().sealNo()).isEqualTo(1);
    }

    @Test
    void a_link_edited_alone_is_told_apart_from_a_changed_event() {
        links.set(2, new ChainCheck.StoredLink(3, links.get(2).eventId(), new byte[32]));

        assertFinding(check(), Finding.Reason.LINK_CHANGED, 3);
    }

    @Test
    void events_after_the_seal_are_chained_but_not_sealed() {
        ledger.append(A, "fact 7");
        events = ledger.events.get(A);
        links = ledger.links(A);

        ChainCheck.Result r = check();

        assertThat(r.ok()).isTrue();
        assertThat(r.to()).isEqualTo(7);
        assertThat(r.sealedTo()).isEqualTo(6);
    }

    @Test
    void a_range_starting_later_chains_from_its_anchor() {
        ChainCheck.Result r = ChainCheck.check(A, 4, links.get(2).link(), events.subList(3, 6), links.subList(3, 6), sealed);

        assertThat(r.ok()).isTrue();
        assertThat(r.sealedTo()).isEqualTo(6);
    }

    private ChainCheck.Result check() {
        return ChainCheck.check(A, 1, Chain.GENESIS, events, links, sealed);
    }

    private static void assertFinding(ChainCheck.Result r, Finding.Reason reason, long position) {
        assertThat(r.ok()).as("expected %s", reason).isFalse();
        assertThat(r.finding().reason()).as(r.finding().describe()).isEqualTo(reason);
        assertThat(r.finding().position()).as(r.finding().describe()).isEqualTo(position);
        assertThat(r.finding().scope()).isEqualTo(A);
    }

    private static EventRecord renumber(EventRecord e, long seq) {
        return new EventRecord(e.position(), e.scope(), seq, e.eventId(), e.aggregateId(), e.aggregateSeq(),
                e.aggregateType(), e.payloadType(), e.payloadRevision(), e.metadata(), e.payload());
    }
}
