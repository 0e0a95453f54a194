package vn.partyledger.ops.integrity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.partyledger.verifier.Seal;

/**
 * The background work of tamper evidence: chain new events continuously, seal when the interval has passed and a head
 * moved, and verify every scope after each new seal (whichever node or request made it). The result is the
 * {@code ledgerChain} health indicator and the {@code ledger.chain.*} gauges.
 *
 * <p>A verification after a seal walks each scope from where this node's last intact walk of it ended, through the
 * seals made since, and walks a share of the scopes from their beginning, in turn, so that every scope is walked whole
 * at least once per {@code ledger.chain.full-walk-interval} (and after each start): walking every event after every
 * seal grew with the ledger (17 minutes of each hour at 10 M events), while an event changed after it was verified
 * is still found within that interval. An inspector's request, the bundle and the command line always walk whole.
 */
@Component("ledgerChain")
class IntegrityJobs implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(IntegrityJobs.class);

    /**
     * The outcome of the last verification of every scope: how many were walked from their beginning, and since when
     * every scope has been (null: not every scope yet).
     */
    record Summary(long sealNo, int scopes, int walkedWhole, List<ChainVerification.Verification> broken, Instant at,
                   Instant everyScopeWalkedWholeSince) {
    }

    private record Intact(ChainVerification.Verified verified, Instant walkedWhole) {
    }

    private final Chainer chainer;
    private final Sealer sealer;
    private final ChainVerification verification;
    private final LedgerKeys keys;
    private final Clock clock;
    private final Duration sealInterval;
    private final Duration fullWalkInterval;
    private final boolean chainEnabled;
    private final Instant started;
    private final AtomicReference<Summary> last = new AtomicReference<>();
    /** When the newest seal (of any node) was made, as last read by {@link #sealAndVerify}; null: none yet. */
    private final AtomicReference<Instant> newestSeal = new AtomicReference<>();
    /** Per scope found intact on this node: where its last walk ended, and when it was last walked from its beginning. */
    private final Map<String, Intact> intact = new HashMap<>();
    /** Seals whose Merkle root a run recomputed and found signed, and when: re-proven once per full-walk interval. */
    private final Map<Long, Instant> rootsProven = new HashMap<>();
    /** The scope (by its place in the sorted list) the next whole walks start at. */
    private int nextWhole;
    private Instant lastRun;

    IntegrityJobs(Chainer chainer, Sealer sealer, ChainVerification verification, LedgerKeys keys, Clock clock,
                  MeterRegistry meters, @Value("${ledger.seal.interval:PT1H}") Duration sealInterval,
                  @Value("${ledger.chain.full-walk-interval:PT24H}") Duration fullWalkInterval,
                  @Value("${ledger.chain.enabled:true}") boolean chainEnabled) {
        this.chainer = chainer;
        this.sealer = sealer;
        this.verification = verification;
        this.keys = keys;
        this.clock = clock;
        this.sealInterval = sealInterval;
        this.fullWalkInterval = fullWalkInterval;
        this.chainEnabled = chainEnabled;
        this.started = clock.instant();
        Gauge.builder("ledger.chain.scopes.broken", () -> summary(s -> s.broken().size()))
                .description("scopes whose chain failed the last verification").register(meters);
        Gauge.builder("ledger.chain.scopes.verified", () -> summary(Summary::scopes))
                .description("scopes checked by the last verification").register(meters);
        Gauge.builder("ledger.chain.verified.seal", () -> summary(s -> s.sealNo()))
                .description("the seal number the last verification ran after").register(meters);
        Gauge.builder("ledger.chain.whole.walk.age", () -> summary(s -> s.everyScopeWalkedWholeSince() == null ? Double.NaN
                        : Duration.between(s.everyScopeWalkedWholeSince(), clock.instant()).toSeconds()))
                .baseUnit("seconds").description("time since every scope was last walked from its beginning").register(meters);
        // An unsealed ledger is as stale as this node's uptime: the alert on seal age fires on it as well.
        Gauge.builder("ledger.seal.age", () -> Duration.between(
                        Optional.ofNullable(newestSeal.get()).orElse(started), clock.instant()).toSeconds())
                .baseUnit("seconds").description("time since the newest seal was made").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstKey() {
        keys.ensureKey();
    }

    @Scheduled(fixedDelayString = "${ledger.chain.interval:PT1S}", initialDelayString = "${ledger.chain.interval:PT1S}")
    void chain() {
        if (!chainEnabled || chainer.paused()) {
            return;
        }
        try {
            chainer.chainPending();
        } catch (RuntimeException e) {
            log.error("Chaining failed; it is retried on the next run", e);
        }
    }

    @Scheduled(fixedDelayString = "${ledger.seal.check-interval:PT1M}", initialDelayString = "${ledger.seal.check-interval:PT1M}")
    void sealAndVerify() {
        try {
            Optional<Instant> sealedAt = sealer.latest().map(s -> Instant.parse(s.sealedAt()));
            sealedAt.ifPresent(newestSeal::set);
            Instant since = sealedAt.orElse(started);
            if (!clock.instant().isBefore(since.plus(sealInterval))) {
                sealer.seal(true).ifPresent(s -> {
                    log.info("Sealed #{} over {} scopes, digest {}", s.sealNo(), s.treeSize(), s.spokenDigest());
                    newestSeal.set(Instant.parse(s.sealedAt()));
                });
            }
        } catch (NoSigningKeyException e) {
            log.warn("Not sealing on this node: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Sealing failed; it is retried on the next run", e);
        }
        try {
            long latest = sealer.latest().map(Seal::sealNo).orElse(0L);
            Summary previous = last.get();
            if (latest > 0 && (previous == null || previous.sealNo() != latest)) {
                verifyAll(latest);
            }
        } catch (RuntimeException e) {
            log.error("Verifying the chains failed; it is retried on the next run", e);
        }
    }

    synchronized Summary verifyAll(long sealNo) {
        Instant began = clock.instant();
        List<ChainVerification.Verification> broken = new ArrayList<>();
        List<String> scopes = verification.scopes();
        Set<String> whole = dueWhole(scopes, began);
        Map<Long, Boolean> roots = new HashMap<>();
        rootsProven.forEach((seal, at) -> {
            if (at.plus(fullWalkInterval).isAfter(began)) {
                roots.put(seal, true);
            }
        });
        Set<Long> provenBefore = Set.copyOf(roots.keySet());
        ChainVerification.Run run = verification.run(roots);
        for (String scope : scopes) {
            Intact before = intact.get(scope);
            ChainVerification.Outcome o = run.verify(scope, whole.contains(scope) ? null : before.verified());
            if (o.verified() == null) {
                ChainVerification.Verification v = o.verification();
                log.error("Chain of scope {} is broken: {}", scope, v.failure().detail());
                broken.add(v);
                intact.remove(scope);
            } else {
                // a walk taken up where the last one ended can still have gone back to the beginning (see Run.verify)
                Instant walkedWhole = o.verification().checkedFrom() == 1 ? began : before.walkedWhole();
                intact.put(scope, new Intact(o.verified(), walkedWhole));
            }
        }
        roots.forEach((seal, signed) -> {
            if (!signed) {
                rootsProven.remove(seal);
            } else if (!provenBefore.contains(seal)) {
                rootsProven.put(seal, began);
            }
        });
        intact.keySet().retainAll(scopes);
        // a broken scope is reported as such; the others say how fresh the guarantee about old events is
        Instant since = intact.size() + broken.size() < scopes.size() ? null
                : intact.values().stream().map(Intact::walkedWhole).min(Instant::compareTo).orElse(began);
        Summary summary = new Summary(sealNo, scopes.size(), whole.size(), List.copyOf(broken), clock.instant(), since);
        last.set(summary);
        lastRun = began;
        log.info("Verified {} scopes after seal #{} in {} s ({} from their beginning, the others from where they were"
                        + " last found intact): {}", scopes.size(), sealNo,
                String.format("%.1f", Duration.between(began, summary.at()).toMillis() / 1000.0), whole.size(),
                broken.isEmpty() ? "every chain intact" : broken.size() + " broken");
        return summary;
    }

    /**
     * The scopes this run walks from their beginning: those never found intact on this node (every scope after a
     * start), and the next of the others in turn, as many as make every scope walked whole within the interval at the
     * pace runs have come so far.
     */
    private Set<String> dueWhole(List<String> scopes, Instant now) {
        Set<String> due = new HashSet<>();
        for (String scope : scopes) {
            if (!intact.containsKey(scope)) {
                due.add(scope);
            }
        }
        if (scopes.isEmpty()) {
            return due;
        }
        double share = lastRun == null || fullWalkInterval.isZero() ? 1
                : Math.min(1, (double) Duration.between(lastRun, now).toMillis() / Math.max(1, fullWalkInterval.toMillis()));
        int turn = (int) Math.ceil(share * scopes.size());
        for (int i = 0; i < turn; i++) {
            due.add(scopes.get((nextWhole + i) % scopes.size()));
        }
        nextWhole = (nextWhole + turn) % scopes.size();
        return due;
    }

    @Override
    public Health health() {
        Summary s = last.get();
        if (s == null) {
            return Health.unknown().withDetail("verified", "not yet: the first verification runs after the first seal")
                    .build();
        }
        Health.Builder b = s.broken().isEmpty() ? Health.up() : Health.down();
        b.withDetail("afterSeal", s.sealNo()).withDetail("scopes", s.scopes()).withDetail("verifiedAt", s.at().toString())
                .withDetail("walkedWhole", s.walkedWhole());
        if (s.everyScopeWalkedWholeSince() != null) {
            b.withDetail("everyScopeWalkedWholeSince", s.everyScopeWalkedWholeSince().toString());
        }
        if (!s.broken().isEmpty()) {
            b.withDetail("broken", s.broken().stream().limit(20).map(v -> v.failure().detail()).toList());
        }
        return b.build();
    }

    private double summary(java.util.function.ToDoubleFunction<Summary> f) {
        Summary s = last.get();
        return s == null ? Double.NaN : f.applyAsDouble(s);
    }
}
