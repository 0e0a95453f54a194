package vn.partyledger.ops.integrity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.verifier.Chain;
import vn.partyledger.verifier.ChainCheck;
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

    ChainVerification(JdbcTemplate jdbc, LedgerEvents events, LedgerKeys keys, Sealer sealer, Clock clock) {
        this.jdbc = jdbc;
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
        List<ChainCheck.StoredLink> links = jdbc.query(
                "SELECT scope_seq, event_id, link FROM ledger_chain_link WHERE scope_id = ? ORDER BY scope_seq",
                (rs, i) -> new ChainCheck.StoredLink(rs.getLong("scope_seq"), rs.getString("event_id"), rs.getBytes("link")),
                scope);
        ChainCheck.Result r = ChainCheck.check(scope, 1, Chain.GENESIS, events.all(scope), links, checkpoints);
        if (!r.ok()) {
            return failed(scope, now, r.finding());
        }
        Seal seal = r.sealNo() == null ? null : sealByNo.get(r.sealNo());
        return new Verification(scope, true, 1, r.to(), r.sealedTo(), r.sealNo(),
                seal == null ? null : seal.sealedAt(), seal == null ? null : seal.spokenDigest(), null, now);
    }

    private static Verification failed(String scope, String now, Finding f) {
        return new Verification(scope, false, 1, f.position() == null ? 0 : Math.max(0, f.position() - 1), 0, null,
                null, null, Problem.of(f), now);
    }
}
