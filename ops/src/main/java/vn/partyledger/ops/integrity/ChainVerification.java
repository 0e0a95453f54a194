package vn.partyledger.ops.integrity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.verifier.Chain;
import vn.partyledger.verifier.ChainCheck;
import vn.partyledger.verifier.EventRecord;
import vn.partyledger.verifier.Finding;
import vn.partyledger.verifier.Hashes;
import vn.partyledger.verifier.LedgerKey;
import vn.partyledger.verifier.Merkle;
import vn.partyledger.verifier.Seal;
import vn.partyledger.verifier.SealCheck;

/**
 * Recomputes a scope's chain from the stored events and checks it against the stored links, every seal's signed head
 * of the scope, the seals' own chain and signatures, and the seals the ledger recorded as facts. Uses the verifier
 * module's checks, so the service and the offline verifier judge alike.
 */
@Component
public class ChainVerification {

    /** The answer of a verification: OK with the range checked, or the first finding. */
    public record Verification(String scope, boolean ok, long checkedFrom, long checkedTo, long sealedTo, Long sealNo,
                        String sealedAt, String sealDigest, Problem failure, String verifiedAt) {
    }

    public record Problem(String reason, String reasonText, Long position, Long sealNo, String detail) {
        static Problem of(Finding f) {
            return new Problem(f.reason().name(), f.reason().text(), f.position(), f.sealNo(), f.describe());
        }
    }

    private final JdbcTemplate jdbc;
    private final LedgerEvents events;
    private final LedgerKeys keys;
    private final Sealer sealer;
    private final Clock clock;
    /** Positions verified at a time: a window's events, parsed, take a few megabytes. */
    private final int window;

    ChainVerification(JdbcTemplate jdbc, LedgerEvents events, LedgerKeys keys, Sealer sealer, Clock clock,
                      @Value("${ledger.chain.read-window:2000}") int window) {
        this.jdbc = jdbc;
        this.window = window;
        this.events = events;
        this.keys = keys;
        this.sealer = sealer;
        this.clock = clock;
    }

    List<String> scopes() {
        return jdbc.queryForList("SELECT scope_id FROM ledger_chain_head ORDER BY scope_id", String.class);
    }

    Verification verify(String scope) {
        String now = clock.instant().toString();
        List<Map<String, Object>> sealedLeaves = sealer.leavesOf(scope);
        Map<Long, Long> sealedSeq = new HashMap<>();
        sealedLeaves.forEach(l -> sealedSeq.put(((Number) l.get("seal_no")).longValue(), ((Number) l.get("seq")).longValue()));

        List<LedgerKey> ledgerKeys = keys.all();
        Finding problem = SealCheck.keys(ledgerKeys);
        List<Seal> seals = sealer.all();
        if (problem == null) {
            problem = SealCheck.seals(seals, ledgerKeys, sealer.recorded());
        }
        if (problem != null) {
            Long position = problem.sealNo() == null ? null : sealedSeq.get(problem.sealNo());
            Finding located = new Finding(problem.reason(), scope, position, problem.sealNo(), problem.detail());
            return new Verification(scope, false, 1, 0, 0, null, null, null, Problem.of(located), now);
        }
        Map<Long, Seal> sealByNo = new HashMap<>();
        seals.forEach(s -> sealByNo.put(s.sealNo(), s));

        List<ChainCheck.Checkpoint> checkpoints = new ArrayList<>();
        Set<Long> provenSeqs = new HashSet<>();
        long latestSealOfScope = sealedLeaves.isEmpty() ? 0
                : ((Number) sealedLeaves.get(sealedLeaves.size() - 1).get("seal_no")).longValue();
        for (Map<String, Object> l : sealedLeaves) {
            long sealNo = ((Number) l.get("seal_no")).longValue();
            long seq = ((Number) l.get("seq")).longValue();
            byte[] link = (byte[]) l.get("link");
            // one tree per distinct sealed head is enough: later seals of the same head sign the same link
            if (provenSeqs.add(seq) || sealNo == latestSealOfScope) {
                Seal seal = sealByNo.get(sealNo);
                List<byte[]> hashes = sealer.leaves(sealNo).stream().map(Sealer.Leaf::hash).toList();
                if (seal == null || !Arrays.equals(Merkle.root(hashes), Hashes.unhex(seal.root()))) {
                    return failed(scope, now, new Finding(Finding.Reason.SEAL_NOT_MATCHING, scope, seq, sealNo,
                            "the stored heads of this seal do not give the root it signed"));
                }
            }
            checkpoints.add(new ChainCheck.Checkpoint(sealNo, seq, link));
        }
        Walked walked = walk(scope, checkpoints);
        if (walked.finding() != null) {
            return failed(scope, now, walked.finding());
        }
        Seal seal = walked.sealNo() == null ? null : sealByNo.get(walked.sealNo());
        return new Verification(scope, true, 1, walked.to(), walked.sealedTo(), walked.sealNo(),
                seal == null ? null : seal.sealedAt(), seal == null ? null : seal.spokenDigest(), null, now);
    }

    private record Walked(long to, long sealedTo, Long sealNo, Finding finding) {
    }

    /**
     * Walks the whole scope a window of positions at a time, each window's events and links read on their own, so
     * a scope of any length is verified in the memory of one window: read whole, a scope of a few hundred thousand
     * events (a busy cell after some years) did not fit the service's heap, and verification runs after every seal.
     */
    private Walked walk(String scope, List<ChainCheck.Checkpoint> checkpoints) {
        long last = jdbc.queryForObject("SELECT greatest((SELECT max(scope_seq) FROM ledger_event WHERE scope_id = ?),"
                + " (SELECT max(scope_seq) FROM ledger_chain_link WHERE scope_id = ?), 0)", Long.class, scope, scope);
        for (ChainCheck.Checkpoint c : checkpoints) {
            last = Math.max(last, c.seq());
        }
        byte[] anchor = Chain.GENESIS;
        long sealedTo = 0;
        Long sealNo = null;
        for (long from = 1; from <= last; from += window) {
            long to = Math.min(last, from + window - 1);
            // one position more than the window: it tells an edited link from a changed event at the window's end
            List<EventRecord> windowEvents = events.range(scope, from, to + 1, Integer.MAX_VALUE);
            List<ChainCheck.StoredLink> windowLinks = events.links(scope, from, to + 1, Integer.MAX_VALUE);
            ChainCheck.Window w = ChainCheck.window(scope, from, to, last, anchor, windowEvents, windowLinks,
                    checkpoints, Set.of(), Map.of());
            if (!w.result().ok()) {
                // Rare (something was tampered with): what the window's events and links are elsewhere in the scope
                // can change the finding's reason (moved, not gone), so look that up and decide again.
                ChainCheck.Result told = ChainCheck.window(scope, from, to, last, anchor, windowEvents, windowLinks,
                        checkpoints, presentElsewhere(scope, windowLinks), chainedElsewhere(scope, windowEvents)).result();
                return new Walked(from - 1, sealedTo, sealNo, told.ok() ? w.result().finding() : told.finding());
            }
            if (w.result().sealNo() != null) {
                sealedTo = w.result().sealedTo();
                sealNo = w.result().sealNo();
            }
            anchor = w.head();
        }
        return new Walked(last, sealedTo, sealNo, null);
    }

    /** Which of the events chained in the window are stored in the scope at all. */
    private Set<String> presentElsewhere(String scope, List<ChainCheck.StoredLink> links) {
        String[] ids = links.stream().map(ChainCheck.StoredLink::eventId).toArray(String[]::new);
        return new HashSet<>(jdbc.queryForList("SELECT event_id FROM ledger_event WHERE scope_id = ?"
                + " AND event_id = ANY (?)", String.class, scope, ids));
    }

    /** Where the window's events were chained, wherever that is in the scope. */
    private Map<String, Long> chainedElsewhere(String scope, List<EventRecord> events) {
        String[] ids = events.stream().map(EventRecord::eventId).toArray(String[]::new);
        Map<String, Long> chained = new HashMap<>();
        jdbc.query("SELECT event_id, scope_seq FROM ledger_chain_link WHERE scope_id = ? AND event_id = ANY (?)",
                rs -> {
                    chained.put(rs.getString(1), rs.getLong(2));
                }, scope, ids);
        return chained;
    }

    private static Verification failed(String scope, String now, Finding f) {
        return new Verification(scope, false, 1, f.position() == null ? 0 : Math.max(0, f.position() - 1), 0, null,
                null, null, Problem.of(f), now);
    }
}
