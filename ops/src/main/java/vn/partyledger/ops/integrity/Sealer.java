package vn.partyledger.ops.integrity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partyledger.api.ledger.LedgerSealed;
import vn.partyledger.verifier.Canonical;
import vn.partyledger.verifier.Hashes;
import vn.partyledger.verifier.Merkle;
import vn.partyledger.verifier.Seal;
import vn.partyledger.verifier.SealCheck;

/**
 * Seals every scope's chain head: a Merkle tree (RFC 9162) over the heads in scope-id byte order, its root signed with
 * the ledger's key, numbered and linked to the seal before. The seal's rows and its {@link LedgerSealed} fact commit
 * together; the chainer's lock is held meanwhile, so the heads are complete and do not move.
 */
@Component
class Sealer {

    record Leaf(int index, String scope, long seq, byte[] link) {
        byte[] hash() {
            return Merkle.leafHash(Seal.leaf(scope, seq, Hashes.hex(link)));
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Chainer chainer;
    private final LedgerKeys keys;
    private final LedgerFacts facts;
    private final Clock clock;

    Sealer(JdbcTemplate jdbc, TransactionTemplate tx, Chainer chainer, LedgerKeys keys, LedgerFacts facts, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.chainer = chainer;
        this.keys = keys;
        this.facts = facts;
        this.clock = clock;
    }

    /** Seals now; with {@code onlyIfChanged}, returns empty when no head moved since the last seal. */
    Optional<Seal> seal(boolean onlyIfChanged) {
        return Optional.ofNullable(tx.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, Chainer.LOCK);
            chainer.chainUnderLock();
            List<Leaf> heads = jdbc.query("SELECT scope_id, seq, link FROM ledger_chain_head ORDER BY scope_id COLLATE \"C\"",
                    (rs, i) -> new Leaf(i, rs.getString("scope_id"), rs.getLong("seq"), rs.getBytes("link")));
            Optional<Seal> latest = latest();
            if (onlyIfChanged && !changedSince(latest, heads)) {
                return null;
            }
            List<byte[]> hashes = heads.stream().map(Leaf::hash).toList();
            String keyId = keys.current().orElseThrow(() -> new NoSigningKeyException("the ledger has no key yet")).keyId();
            long sealNo = latest.map(s -> s.sealNo() + 1).orElse(1L);
            Seal unsigned = new Seal(sealNo, clock.instant().toString(), latest.map(Seal::digest).orElse(null),
                    heads.size(), Hashes.hex(Merkle.root(hashes)), keyId, null);
            LedgerKeys.Signed signed = keys.sign(keyId, unsigned.statementBytes());
            Seal seal = new Seal(sealNo, unsigned.sealedAt(), unsigned.previous(), unsigned.treeSize(), unsigned.root(),
                    keyId, signed.signature());
            jdbc.update("INSERT INTO ledger_seal (seal_no, sealed_at, previous, tree_size, root, key_id, signature, digest)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", seal.sealNo(), seal.sealedAt(), seal.previous(),
                    seal.treeSize(), seal.root(), seal.keyId(), seal.signature(), seal.digest());
            List<Object[]> rows = new ArrayList<>();
            heads.forEach(h -> rows.add(new Object[] {sealNo, h.index(), h.scope(), h.seq(), h.link()}));
            jdbc.batchUpdate("INSERT INTO ledger_seal_leaf (seal_no, leaf_index, scope_id, seq, link) VALUES (?, ?, ?, ?, ?)",
                    rows);
            facts.record(new LedgerSealed(sealNo, seal.digest(), seal.root(), seal.treeSize(), keyId));
            return seal;
        }));
    }

    /**
     * A head moved since the last seal. The ledger scope's own seal facts do not count, or every seal would make the
     * next one due.
     */
    private boolean changedSince(Optional<Seal> latest, List<Leaf> heads) {
        if (latest.isEmpty()) {
            return !heads.isEmpty();
        }
        Map<String, Long> sealed = new HashMap<>();
        leaves(latest.get().sealNo()).forEach(l -> sealed.put(l.scope(), l.seq()));
        for (Leaf head : heads) {
            long sealedSeq = sealed.getOrDefault(head.scope(), 0L);
            if (head.seq() == sealedSeq) {
                continue;
            }
            if (!LedgerEvents.LEDGER_SCOPE.equals(head.scope())) {
                return true;
            }
            Long others = jdbc.queryForObject("SELECT count(*) FROM ledger_event WHERE scope_id = ? AND scope_seq > ?"
                    + " AND payload_type <> ?", Long.class, head.scope(), sealedSeq, LedgerSealed.class.getName());
            if (others != null && others > 0) {
                return true;
            }
        }
        return false;
    }

    private static final RowMapper<Seal> SEAL = (rs, i) -> new Seal(rs.getLong("seal_no"), rs.getString("sealed_at"),
            rs.getString("previous"), rs.getLong("tree_size"), rs.getString("root"), rs.getString("key_id"),
            rs.getString("signature"));

    List<Seal> all() {
        return jdbc.query("SELECT * FROM ledger_seal ORDER BY seal_no", SEAL);
    }

    /** At most {@code limit} seals, newest first, after skipping the {@code offset} newest. */
    List<Seal> newestFirst(long offset, int limit) {
        return jdbc.query("SELECT * FROM ledger_seal ORDER BY seal_no DESC OFFSET ? LIMIT ?", SEAL, offset, limit);
    }

    long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM ledger_seal", Long.class);
        return n == null ? 0 : n;
    }

    Optional<Seal> latest() {
        return newestFirst(0, 1).stream().findFirst();
    }

    Optional<Seal> byNo(long sealNo) {
        return jdbc.query("SELECT * FROM ledger_seal WHERE seal_no = ?", SEAL, sealNo).stream().findFirst();
    }

    List<Leaf> leaves(long sealNo) {
        return jdbc.query("SELECT leaf_index, scope_id, seq, link FROM ledger_seal_leaf WHERE seal_no = ? ORDER BY leaf_index",
                (rs, i) -> new Leaf(rs.getInt("leaf_index"), rs.getString("scope_id"), rs.getLong("seq"),
                        rs.getBytes("link")), sealNo);
    }

    /**
     * One scope's leaf in every seal after {@code afterSeal} (0: in every seal): seal number, position sealed, link
     * sealed, index in that seal's tree.
     */
    List<Map<String, Object>> leavesOf(String scope, long afterSeal) {
        return jdbc.queryForList("SELECT seal_no, leaf_index, seq, link FROM ledger_seal_leaf WHERE scope_id = ?"
                + " AND seal_no > ? ORDER BY seal_no", scope, afterSeal);
    }

    /** The seals the ledger recorded as facts of its own scope. */
    List<SealCheck.Recorded> recorded() {
        return jdbc.query("SELECT payload FROM ledger_event WHERE scope_id = ? AND payload_type = ? ORDER BY scope_seq",
                (rs, i) -> {
                    var payload = Canonical.parse(rs.getBytes("payload"));
                    return new SealCheck.Recorded(payload.path("sealNo").asLong(), payload.path("digest").asText());
                }, LedgerEvents.LEDGER_SCOPE, LedgerSealed.class.getName());
    }
}
