package vn.partyledger.ops.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partyledger.api.ledger.LedgerKeyAdded;
import vn.partyledger.verifier.LedgerKey;

/**
 * The ledger's Ed25519 keys. Public keys are listed in {@code ledger_key} for good (old seals stay verifiable); each
 * private key is a file {@code <keyId>.key} (PKCS#8, base64) in {@code ledger.keys.dir}, readable by its owner only,
 * outside the repository. The first key is made on first start; a rotation makes a new key endorsed by the old one
 * and records both as ledger facts. Nodes sharing a database must share the key directory to seal.
 */
@Component
class LedgerKeys {

    private static final Logger log = LoggerFactory.getLogger(LedgerKeys.class);
    /** Advisory lock key for key creation and rotation ("keys" in ASCII). */
    private static final long LOCK = 0x6b657973L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final LedgerFacts facts;
    private final Clock clock;
    private final Path dir;
    private final Map<String, PrivateKey> loaded = new ConcurrentHashMap<>();

    LedgerKeys(JdbcTemplate jdbc, TransactionTemplate tx, LedgerFacts facts, Clock clock,
               @Value("${ledger.keys.dir}") String dir) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.facts = facts;
        this.clock = clock;
        this.dir = Path.of(dir).toAbsolutePath().normalize();
    }

    List<LedgerKey> all() {
        return jdbc.query("SELECT key_id, public_key, created_at, previous_key_id, endorsement FROM ledger_key"
                        + " ORDER BY created_at, key_id",
                (rs, i) -> new LedgerKey(rs.getString("key_id"), rs.getString("public_key"),
                        rs.getTimestamp("created_at").toInstant().toString(), rs.getString("previous_key_id"),
                        rs.getString("endorsement")));
    }

    Optional<LedgerKey> current() {
        List<LedgerKey> keys = all();
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(keys.size() - 1));
    }

    /** Makes the first key if the ledger has none yet. */
    void ensureKey() {
        tx.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, LOCK);
            if (current().isEmpty()) {
                KeyPair pair = generate();
                LedgerKey key = store(pair, null, null);
                log.info("Created the ledger's first signing key {} in {}", key.keyId(), dir);
            }
        });
    }

    /** A new key, endorsed by the current one (whose private key this node must hold). */
    LedgerKey rotate() {
        return tx.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, LOCK);
            LedgerKey old = current().orElseThrow(() -> new NoSigningKeyException("the ledger has no key yet"));
            PrivateKey oldPrivate = privateKey(old.keyId());
            KeyPair pair = generate();
            String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
            String keyId = LedgerKey.idOf(pair.getPublic().getEncoded());
            String endorsement = sign(oldPrivate, LedgerKey.endorsementMessage(keyId, publicKey));
            LedgerKey key = store(pair, old.keyId(), endorsement);
            log.info("Rotated the ledger's signing key: {} replaces {}", key.keyId(), old.keyId());
            return key;
        });
    }

    /** The current key's id, if this node can sign with it; else {@link NoSigningKeyException}. */
    String requireSigningKey() {
        LedgerKey key = current().orElseThrow(() -> new NoSigningKeyException("the ledger has no key yet"));
        privateKey(key.keyId());
        return key.keyId();
    }

    /** Signs with the given key; fails if this node does not hold its private key file. */
    Signed sign(String keyId, byte[] message) {
        return new Signed(keyId, sign(privateKey(keyId), message));
    }

    record Signed(String keyId, String signature) {
    }

    private LedgerKey store(KeyPair pair, String previousKeyId, String endorsement) {
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        String keyId = LedgerKey.idOf(pair.getPublic().getEncoded());
        writePrivate(keyId, pair.getPrivate());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO ledger_key (key_id, public_key, created_at, previous_key_id, endorsement)"
                + " VALUES (?, ?, ?, ?, ?)", keyId, publicKey, now, previousKeyId, endorsement);
        facts.record(new LedgerKeyAdded(keyId, publicKey, previousKeyId, endorsement));
        return new LedgerKey(keyId, publicKey, now.toInstant().toString(), previousKeyId, endorsement);
    }

    private void writePrivate(String keyId, PrivateKey key) {
        try {
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
            Path file = dir.resolve(keyId + ".key");
            Path tmp = Files.createTempFile(dir, keyId, ".tmp");
            restrict(tmp, "rw-------");
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key.getEncoded()) + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("a key file " + keyId + ".key already exists in " + dir, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signing key into " + dir, e);
        }
    }

    private PrivateKey privateKey(String keyId) {
        return loaded.computeIfAbsent(keyId, id -> {
            Path file = dir.resolve(id + ".key");
            if (!Files.isReadable(file)) {
                throw new NoSigningKeyException("this node holds no private key " + id + " in " + dir);
            }
            try {
                byte[] der = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
                return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("key file " + file + " is not an Ed25519 private key", e);
            }
        });
    }

    private static void restrict(Path path, String permissions) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(PosixFilePermissions.fromString(permissions));
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    private static String sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
