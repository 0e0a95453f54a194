package vn.partyledger.ops.integrity;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.ops.security.CurrentActor;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * One organisation's integrity evidence as the API and the dashboard serve it: the verification of its chain against
 * the seals, and its inspector bundle. Each read is announced ({@link InspectorRead}) so the audit trail records an
 * inspector's; call after the access check on the organisation, whose grant the announcement names.
 */
@Component
public class ScopeEvidence {

    /** A bundle ready to be written: checked, announced, and named for the download. */
    public record Export(String fileName, Writer body) {
    }

    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private final ChainVerification verification;
    private final BundleExporter exporter;
    private final LedgerKeys keys;
    private final Sealer sealer;
    private final Chainer chainer;
    private final OrganizationDirectory organizations;
    private final CurrentActor actor;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ScopeEvidence(ChainVerification verification, BundleExporter exporter, LedgerKeys keys, Sealer sealer,
                  Chainer chainer, OrganizationDirectory organizations, CurrentActor actor,
                  ApplicationEventPublisher publisher, Clock clock) {
        this.verification = verification;
        this.exporter = exporter;
        this.keys = keys;
        this.sealer = sealer;
        this.chainer = chainer;
        this.organizations = organizations;
        this.actor = actor;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Recomputes the organisation's chain (after chaining what is pending) and checks it against the seals. */
    public ChainVerification.Verification verify(String orgId) {
        requireKnownScope(orgId);
        published("verification", orgId, List.of(orgId), null, null);
        chainer.chainPending();
        return verification.verify(orgId);
    }

    /** The digest to read aloud of a seal, as the seal list shows it. */
    public Optional<String> spokenDigest(long sealNo) {
        return sealer.byNo(sealNo).map(vn.partyledger.verifier.Seal::spokenDigest);
    }

    /**
     * The bundle of the organisation (with {@code subtree}, of every organisation below it), events recorded
     * {@code from}..{@code to}. Checked before the first byte is written: a node without the private key throws
     * {@link NoSigningKeyException} here, not a broken zip later.
     */
    public Export bundle(String orgId, LocalDate from, LocalDate to, boolean subtree) {
        requireKnownScope(orgId);
        if (from != null && to != null && to.isBefore(from)) {
            throw LedgerRefusalException.invalid("to", "must not be before from");
        }
        keys.requireSigningKey();
        List<String> scopes = exporter.scopes(orgId, subtree);
        String username = String.valueOf(actor.asMetaData().getOrDefault("username", "system"));
        BundleExporter.Request request = new BundleExporter.Request(orgId, subtree, from, to, username);
        published("bundle", orgId, scopes, from, to);
        return new Export("ledger-" + orgId + "-" + LocalDate.now(clock) + ".zip",
                out -> exporter.write(request, scopes, out));
    }

    /**
     * An organisation's record, or the ledger's own scope (who may read which: AccessTable — inspectors and operators
     * over the organisation, a ledger-wide grant for the ledger's scope).
     */
    private void requireKnownScope(String orgId) {
        if (!LedgerEvents.LEDGER_SCOPE.equals(orgId) && organizations.find(orgId).isEmpty()) {
            throw new UnknownResourceException("no organisation " + orgId);
        }
    }

    private void published(String what, String orgId, List<String> scopes, LocalDate from, LocalDate to) {
        Map<String, Object> who = actor.asMetaData();
        publisher.publishEvent(new InspectorRead(what, str(who.get("userId")), str(who.get("username")),
                str(who.get("role")), orgId, scopes, from, to, clock.instant()));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
