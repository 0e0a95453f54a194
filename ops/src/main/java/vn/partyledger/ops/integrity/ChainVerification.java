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

    /** A whole check of one scope, on its own (an inspector's request, the command line). */
    Verification verify(String scope) {
        return run(new HashMap<>()).verify(scope, null).verification();
    }

    /**
     * Where a scope's last intact walk ended: its last position, the link recomputed there (the next walk's anchor),
     * the last position a seal proved and by which seal, and the newest seal whose heads of the scope it took in.
     */
    record Verified(long to, byte[] head, long sealedTo, Long sealNo, long seenSeal) {
    }

    /** A scope's verification and, when intact, where a later walk may take it up. */
    record Outcome(Verification verification, Verified verified) {
    }

    /**
     * Starts a run over any number of scopes: the keys, the seals' own chain and signatures are read and checked once
     * for all of them, and each seal's Merkle root at most once (checked per scope, a year of hourly seals over a few
     * thousand scopes made every run recompute billions of leaf hashes). {@code provenRoots} holds the seals whose
     * root a recent run already recomputed and found signed; the run adds those it proves.
     */
    Run run(Map<Long, Boolean> provenRoots) {
        List<LedgerKey> ledgerKeys = keys.all();
        Finding problem = SealCheck.keys(ledgerKeys);
        List<Seal> seals = sealer.all();
        if (problem == null) {
            problem = SealCheck.seals(seals, ledgerKeys, sealer.recorded());
        }
        return new Run(problem, seals, provenRoots);
    }

    /** One verification run; see {@link #run}. */
    final class Run {

        private final Finding sealProblem;
        private final Map<Long, Seal> sealByNo = new HashMap<>();
        private final Map<Long, Boolean> provenRoots;

        private Run(Finding sealProblem, List<Seal> seals, Map<Long, Boolean> provenRoots) {
            this.sealProblem = sealProblem;
            seals.forEach(s -> sealByNo.put(s.sealNo(), s));
            this.provenRoots = provenRoots;
        }

        /**
         * Checks {@code scope} from the beginning ({@code since} null), or only its positions after {@code since} and
         * the seals made after it, anchored on the link recomputed there: what lies before was found intact by an
         * earlier walk, and a walk from the beginning now and then finds whatever changed there since.
         */
        Outcome verify(String scope, Verified since) {
            String now = clock.instant().toString();
            if (sealProblem != null) {
                Long position = sealProblem.sealNo() == null ? null : sealer.leavesOf(scope, 0).stream()
                        .filter(l -> sealProblem.sealNo().equals(((Number) l.get("seal_no")).longValue()))
                        .map(l -> ((Number) l.get("seq")).longValue()).findFirst().orElse(null);
                Finding located = new Finding(sealProblem.reason(), scope, position, sealProblem.sealNo(),
                        sealProblem.detail());
                return new Outcome(new Verification(scope, false, 1, 0, 0, null, null, null, Problem.of(located), now),
                        null);
            }
            List<Map<String, Object>> sealedLeaves = sealer.leavesOf(scope, since == null ? 0 : since.seenSeal());
            List<ChainCheck.Checkpoint> checkpoints = new ArrayList<>();
            long seenSeal = since == null ? 0 : since.seenSeal();
            for (Map<String, Object> l : sealedLeaves) {
                long sealNo = ((Number) l.get("seal_no")).longValue();
                long seq = ((Number) l.get("seq")).longValue();
                if (!rootSigned(sealNo)) {
                    return new Outcome(failed(scope, now, new Finding(Finding.Reason.SEAL_NOT_MATCHING, scope, seq,
                            sealNo, "the stored heads of this seal do not give the root it signed")), null);
                }
                checkpoints.add(new ChainCheck.Checkpoint(sealNo, seq, (byte[]) l.get("link")));
                seenSeal = Math.max(seenSeal, sealNo);
            }
            Walked walked = since == null ? walk(scope, 1, Chain.GENESIS, checkpoints) : resume(scope, since, checkpoints);
            if (walked == null) {
                // the scope changed under what was verified (a newer seal signs an older head, or positions are
                // gone): only a walk from the beginning can tell what and where
                return verify(scope, null);
            }
            if (walked.finding() != null) {
                return new Outcome(failed(scope, now, walked.finding()), null);
            }
            long sealedTo = walked.sealNo() != null || since == null ? walked.sealedTo() : since.sealedTo();
            Long sealNo = walked.sealNo() != null || since == null ? walked.sealNo() : since.sealNo();
            Seal seal = sealNo == null ? null : sealByNo.get(sealNo);
            return new Outcome(new Verification(scope, true, since == null ? 1 : since.to() + 1, walked.to(), sealedTo,
                    sealNo, seal == null ? null : seal.sealedAt(), seal == null ? null : seal.spokenDigest(), null, now),
                    new Verified(walked.resumeAt(), walked.resumeHead(), sealedTo, sealNo, seenSeal));
        }

        /** The walk after {@code since}; null when what was verified no longer stands as it was. */
        private Walked resume(String scope, Verified since, List<ChainCheck.Checkpoint> checkpoints) {
            Long sealNo = null;
            long sealedTo = 0;
            List<ChainCheck.Checkpoint> after = new ArrayList<>();
            for (ChainCheck.Checkpoint c : checkpoints) {
                if (c.seq() > since.to()) {
                    after.add(c);
                } else if (c.seq() == since.to() && Arrays.equals(c.link(), since.head())) {
                    sealNo = c.sealNo();
                    sealedTo = c.seq();
                } else {
                    return null;
                }
            }
            Walked walked = walk(scope, since.to() + 1, since.head(), after);
            if (walked.to() < since.to()) {
                return null;
            }
            return walked.sealNo() == null && sealNo != null
                    ? new Walked(walked.to(), sealedTo, sealNo, walked.finding(), walked.resumeAt(), walked.resumeHead())
                    : walked;
        }

        private boolean rootSigned(long sealNo) {
            return provenRoots.computeIfAbsent(sealNo, n -> {
                Seal seal = sealByNo.get(n);
                List<byte[]> hashes = sealer.leaves(n).stream().map(Sealer.Leaf::hash).toList();
                return seal != null && Arrays.equals(Merkle.root(hashes), Hashes.unhex(seal.root()));
            });
        }
    }

    /** A walk's outcome; a later walk may take up after {@code resumeAt}, whose recomputed link is {@code resumeHead}. */
    private record Walked(long to, long sealedTo, Long sealNo, Finding finding, long resumeAt, byte[] resumeHead) {
    }

    /**
     * Walks the whole scope a window of positions at a time, each window's events and links read on their own, so
     * a scope of any length is verified in the memory of one window: read whole, a scope of a few hundred thousand
     * events (a busy cell after some years) did not fit the service's heap, and verification runs after every seal.
     */
    private Walked walk(String scope, long start, byte[] anchor, List<ChainCheck.Checkpoint> checkpoints) {
        long[] stored = jdbc.queryForObject("SELECT (SELECT max(scope_seq) FROM ledger_event WHERE scope_id = ?),"
                        + " (SELECT max(scope_seq) FROM ledger_chain_link WHERE scope_id = ?)",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, scope, scope);
        long last = Math.max(stored[0], stored[1]);
        for (ChainCheck.Checkpoint c : checkpoints) {
            last = Math.max(last, c.seq());
        }
        // A later walk takes up after the last chained position: an event not chained yet is checked again, against
        // its link, once it is.
        long resumeAt = Math.max(start - 1, Math.min(last, stored[1]));
        byte[] resumeHead = anchor;
        long sealedTo = 0;
        Long sealNo = null;
        if (last < start - 1) {
            return new Walked(last, 0, null, null, last, anchor);
        }
        for (long from = start; from <= last; ) {
            long to = Math.min(last, from + window - 1);
            if (from <= resumeAt && to > resumeAt) {
                to = resumeAt;
            }
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
                return new Walked(from - 1, sealedTo, sealNo, told.ok() ? w.result().finding() : told.finding(),
                        resumeAt, resumeHead);
            }
            if (w.result().sealNo() != null) {
                sealedTo = w.result().sealedTo();
                sealNo = w.result().sealNo();
            }
            anchor = w.head();
            if (to == resumeAt) {
                resumeHead = anchor;
            }
            from = to + 1;
        }
        return new Walked(last, sealedTo, sealNo, null, resumeAt, resumeHead);
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
