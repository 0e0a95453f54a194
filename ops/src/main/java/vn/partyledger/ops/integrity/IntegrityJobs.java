package vn.partyledger.ops.integrity;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 */
@Component("ledgerChain")
class IntegrityJobs implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(IntegrityJobs.class);

    /** The outcome of the last verification of every scope. */
    record Summary(long sealNo, int scopes, List<ChainVerification.Verification> broken, Instant at) {
    }

    private final Chainer chainer;
    private final Sealer sealer;
    private final ChainVerification verification;
    private final LedgerKeys keys;
    private final Clock clock;
    private final Duration sealInterval;
    private final boolean chainEnabled;
    private final Instant started;
    private final AtomicReference<Summary> last = new AtomicReference<>();
    /** When the newest seal (of any node) was made, as last read by {@link #sealAndVerify}; null: none yet. */
    private final AtomicReference<Instant> newestSeal = new AtomicReference<>();

    IntegrityJobs(Chainer chainer, Sealer sealer, ChainVerification verification, LedgerKeys keys, Clock clock,
                  MeterRegistry meters, @Value("${ledger.seal.interval:PT1H}") Duration sealInterval,
                  @Value("${ledger.chain.enabled:true}") boolean chainEnabled) {
        this.chainer = chainer;
        this.sealer = sealer;
        this.verification = verification;
        this.keys = keys;
        this.clock = clock;
        this.sealInterval = sealInterval;
        this.chainEnabled = chainEnabled;
        this.started = clock.instant();
        Gauge.builder("ledger.chain.scopes.broken", () -> summary(s -> s.broken().size()))
                .description("scopes whose chain failed the last verification").register(meters);
        Gauge.builder("ledger.chain.scopes.verified", () -> summary(Summary::scopes))
                .description("scopes checked by the last verification").register(meters);
        Gauge.builder("ledger.chain.verified.seal", () -> summary(s -> s.sealNo()))
                .description("the seal number the last verification ran after").register(meters);
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

    Summary verifyAll(long sealNo) {
        Instant began = clock.instant();
        List<ChainVerification.Verification> broken = new ArrayList<>();
        List<String> scopes = verification.scopes();
        for (String scope : scopes) {
            ChainVerification.Verification v = verification.verify(scope);
            if (!v.ok()) {
                log.error("Chain of scope {} is broken: {}", scope, v.failure().detail());
                broken.add(v);
            }
        }
        Summary summary = new Summary(sealNo, scopes.size(), List.copyOf(broken), clock.instant());
        last.set(summary);
        log.info("Verified {} scopes after seal #{} in {} s: {}", scopes.size(), sealNo,
                Duration.between(began, summary.at()).toSeconds(),
                broken.isEmpty() ? "every chain intact" : broken.size() + " broken");
        return summary;
    }

    @Override
    public Health health() {
        Summary s = last.get();
        if (s == null) {
            return Health.unknown().withDetail("verified", "not yet: the first verification runs after the first seal")
                    .build();
        }
        Health.Builder b = s.broken().isEmpty() ? Health.up() : Health.down();
        b.withDetail("afterSeal", s.sealNo()).withDetail("scopes", s.scopes()).withDetail("verifiedAt", s.at().toString());
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
