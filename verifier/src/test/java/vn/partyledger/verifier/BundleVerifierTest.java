package vn.partyledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleVerifierTest {

    private static final String A = "org-a";
    private static final String B = "org-b";
    private final TestLedger ledger = new TestLedger();

    @TempDir
    Path dir;

    @BeforeEach
    void twoScopesSealedTwice() {
        for (int i = 1; i <= 4; i++) {
            ledger.append(A, "a " + i);
            ledger.append(B, "b " + i);
        }
        ledger.seal();
        ledger.append(A, "a 5");
        ledger.seal();
        ledger.append(A, "a 6");
    }

    @Test
    void an_exported_bundle_verifies_and_says_what_was_checked() throws IOException {
        BundleVerifier.Report report = verify(ledger.bundle(A));

        assertThat(report.ok()).as(String.valueOf(report.finding())).isTrue();
        assertThat(String.join("\n", report.checked()))
                .contains("scope org-a: positions 1..6 recomputed")
                .contains("sealed up to 5 by seal #2")
                .contains("6..6 chained but not sealed yet")
                .contains("seals: #1..2");
    }

    @Test
    void an_event_edited_in_the_zip_is_refused() throws IOException {
        Map<String, byte[]> entries = entries(ledger.bundle(A));
        String events = new String(entries.get("scopes/org-a/events.jsonl"), StandardCharsets.UTF_8);
        entries.put("scopes/org-a/events.jsonl", events.replace("\"a 3\"", "\"a 9\"").getBytes(StandardCharsets.UTF_8));

        assertRefused(BundleVerifier.verify(entries), "scopes/org-a/events.jsonl");
    }

    @Test
    void a_link_edited_in_the_zip_is_refused() throws IOException {
        Map<String, byte[]> entries = entries(ledger.bundle(A));
        String links = new String(entries.get("scopes/org-a/links.jsonl"), StandardCharsets.UTF_8);
        entries.put("scopes/org-a/links.jsonl", links.replaceFirst("\"link\":\"[0-9a-f]", "\"link\":\"f")
                .getBytes(StandardCharsets.UTF_8));

        assertRefused(BundleVerifier.verify(entries), "links.jsonl");
    }

    @Test
    void a_proof_edited_in_the_zip_is_refused() throws IOException {
        Map<String, byte[]> entries = entries(ledger.bundle(A));
        String proofs = new String(entries.get("scopes/org-a/proofs.json"), StandardCharsets.UTF_8);
        entries.put("scopes/org-a/proofs.json", proofs.replaceFirst("\"path\":\\[\"[0-9a-f]", "\"path\":[\"0")
                .getBytes(StandardCharsets.UTF_8));

        assertRefused(BundleVerifier.verify(entries), "proofs.json");
    }

    @Test
    void a_manifest_edited_to_match_an_edited_event_is_refused_by_its_signature() throws IOException {
        Map<String, byte[]> entries = entries(ledger.bundle(A));
        String path = "scopes/org-a/events.jsonl";
        byte[] original = entries.get(path);
        byte[] edited = new String(original, StandardCharsets.UTF_8).replace("\"a 3\"", "\"a 9\"")
                .getBytes(StandardCharsets.UTF_8);
        entries.put(path, edited);
        String manifest = new String(entries.get(Bundle.MANIFEST), StandardCharsets.UTF_8)
                .replace(Hashes.hex(Hashes.sha256(original)), Hashes.hex(Hashes.sha256(edited)));
        entries.put(Bundle.MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));

        assertRefused(BundleVerifier.verify(entries), "manifest's signature");
    }

    @Test
    void an_extra_file_slipped_into_the_zip_is_refused() throws IOException {
        Map<String, byte[]> entries = entries(ledger.bundle(A));
        entries.put("scopes/org-a/notes.txt", "x".getBytes(StandardCharsets.UTF_8));

        assertRefused(BundleVerifier.verify(entries), "not listed");
    }

    @Test
    void a_seal_signed_with_another_key_is_a_bad_signature() throws IOException {
        Seal first = ledger.seals.get(0);
        ledger.seals.set(0, new Seal(first.sealNo(), first.sealedAt(), first.previous(), first.treeSize(), first.root(),
                first.keyId(), TestLedger.sign(TestLedger.newKey(), first.statementBytes())));

        BundleVerifier.Report report = verify(ledger.bundle(A));

        assertThat(report.finding().reason()).isEqualTo(Finding.Reason.BAD_SIGNATURE);
        assertThat(report.finding().sealNo()).isEqualTo(1);
    }

    @Test
    void a_removed_seal_leaves_a_hole_in_the_seal_chain() throws IOException {
        ledger.seal();
        ledger.seals.remove(1);

        BundleVerifier.Report report = verify(ledger.bundle(A));

        assertThat(report.finding().reason()).isEqualTo(Finding.Reason.SEAL_MISSING);
        assertThat(report.finding().sealNo()).isEqualTo(2);
    }

    @Test
    void the_verifier_prints_ok_and_exits_zero_or_names_the_failure_and_exits_one() throws IOException {
        Path good = dir.resolve("good.zip");
        Files.write(good, ledger.bundle(A));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(VerifyBundle.run(new String[] {good.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK ");

        Map<String, byte[]> entries = entries(ledger.bundle(A));
        entries.put("scopes/org-a/events.jsonl", new byte[0]);
        Path bad = dir.resolve("bad.zip");
        Files.write(bad, zip(entries));
        out.reset();
        assertThat(VerifyBundle.run(new String[] {bad.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED bundle edited after export");

        assertThat(VerifyBundle.run(new String[] {dir.resolve("none.zip").toString()}, new PrintStream(out))).isEqualTo(2);
    }

    @Test
    void scope_b_verifies_while_scope_a_is_broken() throws IOException {
        ((com.fasterxml.jackson.databind.node.ObjectNode) ledger.events.get(A).get(1).payload()).put("text", "x");
        List<Bundle.ScopePart> b = List.of(new Bundle.ScopePart(B, 1, Chain.GENESIS, ledger.events.get(B),
                ledger.links(B), ledger.proofs(B)));

        assertThat(verify(ledger.bundle(b)).ok()).isTrue();
    }

    private static void assertRefused(BundleVerifier.Report report, String mention) {
        assertThat(report.ok()).isFalse();
        assertThat(report.finding().reason()).isEqualTo(Finding.Reason.BUNDLE_EDITED);
        assertThat(report.finding().detail()).contains(mention);
    }

    private static BundleVerifier.Report verify(byte[] zip) throws IOException {
        return BundleVerifier.verify(entries(zip));
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        return new LinkedHashMap<>(Bundle.read(new ByteArrayInputStream(zip)));
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
