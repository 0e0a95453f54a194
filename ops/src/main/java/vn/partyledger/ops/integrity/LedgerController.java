package vn.partyledger.ops.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.ops.web.UnknownResourceException;
import vn.partyledger.verifier.LedgerKey;
import vn.partyledger.verifier.Seal;

/** Ledger integrity: seals, keys, verification of an organisation's chain and the inspector bundle. */
@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "Ledger integrity", description = "Hash chains per organisation, signed seals, verification, inspector bundles")
class LedgerController {

    record SealView(long sealNo, String sealedAt, String previous, long treeSize, String root, String keyId,
                    String signature, String digest, String spokenDigest) {
        static SealView of(Seal s) {
            return new SealView(s.sealNo(), s.sealedAt(), s.previous(), s.treeSize(), s.root(), s.keyId(), s.signature(),
                    s.digest(), s.spokenDigest());
        }
    }

    record KeyView(String keyId, String algorithm, String publicKey, String createdAt, String previousKeyId,
                   String endorsement, boolean current) {
    }

    private final Sealer sealer;
    private final LedgerKeys keys;
    private final ScopeEvidence evidence;

    LedgerController(Sealer sealer, LedgerKeys keys, ScopeEvidence evidence) {
        this.sealer = sealer;
        this.keys = keys;
        this.evidence = evidence;
    }

    @PostMapping("/seals")
    @Operation(summary = "Seal every organisation's chain head now (ledger-wide operators)")
    ResponseEntity<SealView> seal() {
        Seal seal = sealer.seal(false).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/ledger/seals/" + seal.sealNo())).body(SealView.of(seal));
    }

    record SealPage(List<SealView> items, int page, int size, long total) {
    }

    /** Paged as every list is: an hourly seal makes almost 9,000 a year, and an inspector may need the oldest. */
    @GetMapping("/seals")
    @Operation(summary = "Seals, newest first, paged: number, time, Merkle root, key, signature and the digest to read"
            + " aloud")
    SealPage seals(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || page > 1_000_000) {
            throw LedgerRefusalException.invalid("page", "must be between 0 and 1000000");
        }
        if (size < 1 || size > 1000) {
            throw LedgerRefusalException.invalid("size", "must be between 1 and 1000");
        }
        return new SealPage(sealer.newestFirst((long) page * size, size).stream().map(SealView::of).toList(), page,
                size, sealer.count());
    }

    @GetMapping("/seals/{sealNo}")
    @Operation(summary = "One seal")
    SealView seal(@PathVariable long sealNo) {
        return sealer.byNo(sealNo).map(SealView::of).orElseThrow(() -> new UnknownResourceException("no seal " + sealNo));
    }

    @GetMapping("/keys")
    @Operation(summary = "Every public key the ledger has signed with, oldest first; old keys stay listed")
    List<KeyView> keys() {
        List<LedgerKey> all = keys.all();
        String current = all.isEmpty() ? null : all.get(all.size() - 1).keyId();
        return all.stream().map(k -> new KeyView(k.keyId(), "Ed25519", k.publicKey(), k.createdAt(), k.previousKeyId(),
                k.endorsement(), k.keyId().equals(current))).toList();
    }

    @PostMapping("/keys/rotation")
    @Operation(summary = "Replace the signing key by a new one endorsed by the old one; recorded as a ledger fact")
    ResponseEntity<KeyView> rotate() {
        LedgerKey k = keys.rotate();
        return ResponseEntity.status(HttpStatus.CREATED).body(new KeyView(k.keyId(), "Ed25519", k.publicKey(),
                k.createdAt(), k.previousKeyId(), k.endorsement(), true));
    }

    @GetMapping("/scopes/{orgId}/verification")
    @Operation(summary = "Recompute the organisation's chain from the stored events and check it against the seals")
    ChainVerification.Verification verify(@PathVariable String orgId) {
        return evidence.verify(orgId);
    }

    @GetMapping(value = "/scopes/{orgId}/bundle", produces = {"application/zip", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The inspector bundle (zip): events in canonical form, links, seals with Merkle proofs, public"
            + " keys and a signed manifest; verifies offline with verifier.jar")
    ResponseEntity<StreamingResponseBody> bundle(@PathVariable String orgId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean subtree) {
        ScopeEvidence.Export export = evidence.bundle(orgId, from, to, subtree);
        StreamingResponseBody body = out -> export.body().writeTo(out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
                .body(body);
    }

    @ExceptionHandler(NoSigningKeyException.class)
    ResponseEntity<ProblemDetail> noKey(NoSigningKeyException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        pd.setTitle("No signing key on this node");
        pd.setType(URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }
}
