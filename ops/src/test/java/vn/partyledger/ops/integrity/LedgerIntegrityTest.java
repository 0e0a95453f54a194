package vn.partyledger.ops.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.partyledger.ops.LedgerClient;
import vn.partyledger.ops.LedgerTestSupport;
import vn.partyledger.ops.MovableClock;
import vn.partyledger.ops.Scenario;
import vn.partyledger.verifier.Bundle;
import vn.partyledger.verifier.BundleVerifier;
import vn.partyledger.verifier.Finding;
import vn.partyledger.verifier.Seal;

/**
 * Tampering with a real stored ledger, as someone with database access would (triggers off): every change is found by
 * the verification endpoint and by the offline verifier on an exported bundle, at the same position and for the same
 * reason. Runs on a database of its own, because it breaks things on purpose. The service walks a scope, and writes its
 * bundle, a few positions at a time here (thousands in use), so each finding is also told right across windows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(LedgerIntegrityTest.Reads.class)
class LedgerIntegrityTest {

    private static final Path OWN_DATA = LedgerTestSupport.tempDir();
    private static final int OWN_PORT = LedgerTestSupport.freePort();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("ledger.embedded-postgres.data-dir", () -> OWN_DATA.resolve("pg").toString());
        registry.add("ledger.embedded-postgres.port", () -> OWN_PORT);
        registry.add("ledger.bootstrap.operator-password", () -> LedgerTestSupport.OPERATOR_PASSWORD);
        // windows of two positions: every finding below lies at, across or just after a window's edge, and every
        // bundle is written from pages of two events
        registry.add("ledger.chain.read-window", () -> 2);
        // the service's own check after a seal walks every scope whole here; the rolling walk has its own test
        registry.add("ledger.chain.full-walk-interval", () -> "PT0S");
    }

    private LedgerClient operator() {
        return new LedgerClient("http://localhost:" + port, LedgerTestSupport.OPERATOR, LedgerTestSupport.OPERATOR_PASSWORD);
    }

    /** Stands in for the audit trail: collects the reads this package announces. */
    @TestConfiguration
    static class Reads {
        static final List<InspectorRead> SEEN = new CopyOnWriteArrayList<>();

        @EventListener
        void on(InspectorRead read) {
            SEEN.add(read);
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    VerifyCommand verifyCommand;

    @Autowired
    Sealer sealer;

    @Autowired
    IntegrityJobs jobs;

    @Autowired
    Chainer chainer;

    @Autowired
    ChainVerification chainVerification;

    @Autowired
    LedgerKeys ledgerKeys;

    @Test
    void an_untouched_organisation_verifies_and_its_bundle_verifies_offline() throws IOException {
        Cell cell = sealedCell("Chi bộ nguyên vẹn");

        JsonNode v = verification(cell.id);
        assertThat(v.path("ok").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.path("checkedTo").asLong()).isEqualTo(cell.events.size());
        assertThat(v.path("sealedTo").asLong()).isEqualTo(cell.events.size());
        assertThat(v.path("sealDigest").asText()).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){5}");

        byte[] zip = bundle(cell.id);
        BundleVerifier.Report report = BundleVerifier.verify(Bundle.read(new ByteArrayInputStream(zip)));
        assertThat(report.ok()).as(String.valueOf(report.finding())).isTrue();
        assertThat(String.join("\n", report.checked())).contains("positions 1.." + cell.events.size());
        assertThat(runVerifierJar(zip)).startsWith("OK ");
    }

    @Test
    void one_changed_byte_of_a_payload_is_found_and_another_organisation_still_verifies() throws IOException {
        Cell cell = sealedCell("Chi bộ sửa một byte");
        Cell other = sealedCell("Chi bộ bên cạnh");
        String target = cell.events.get(2);
        asAttacker(c -> c.update("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                + " 'Đảng viên 2', 'Đảng viên 3'), 'UTF8') WHERE eventidentifier = ?", target));

        assertFound(cell.id, Finding.Reason.PAYLOAD_CHANGED, 3);
        assertThat(verification(other.id).path("ok").asBoolean()).isTrue();
        assertThat(BundleVerifier.verify(Bundle.read(new ByteArrayInputStream(bundle(other.id)))).ok()).isTrue();

        ByteArrayOutputStream cli = new ByteArrayOutputStream();
        assertThat(verifyCommand.run(List.of(other.id, cell.id), new PrintStream(cli, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(cli.toString(StandardCharsets.UTF_8)).contains("OK " + other.id + ": positions 1..5")
                .contains("FAILED payload or envelope changed in scope " + cell.id + " at position 3");
    }

    @Test
    void the_check_after_a_seal_reports_a_broken_scope_on_health_and_as_a_metric() {
        Cell cell = sealedCell("Chi bộ báo động");
        asAttacker(c -> c.update("DELETE FROM domainevententry WHERE eventidentifier = ?", cell.events.get(4)));

        jobs.verifyAll(sealer.latest().orElseThrow().sealNo());

        JsonNode health = operator().get("/actuator/health").body();
        assertThat(health.path("components").path("ledgerChain").path("status").asText()).isEqualTo("DOWN");
        assertThat(health.path("components").path("ledgerChain").path("details").path("broken").toString())
                .contains(cell.id + " at position 5");
        String metrics = operator().get("/actuator/prometheus").raw().body();
        assertThat(metrics).containsPattern("ledger_chain_scopes_broken [1-9]");
    }

    @Test
    void after_a_seal_a_scope_is_walked_on_from_where_it_was_found_intact_and_whole_in_turn_within_the_interval() {
        Cell grown = sealedCell("Chi bộ kiểm tra nối tiếp");
        Cell old = sealedCell("Chi bộ sửa chuyện cũ");
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
        IntegrityJobs rolling = new IntegrityJobs(chainer, sealer, chainVerification, ledgerKeys, clock,
                new SimpleMeterRegistry(), Duration.ofHours(1), Duration.ofHours(24), true);

        IntegrityJobs.Summary first = rolling.verifyAll(sealer.latest().orElseThrow().sealNo());
        assertThat(first.walkedWhole()).as("the first run after a start walks every scope whole").isEqualTo(first.scopes());
        assertThat(brokenScopes(first)).doesNotContain(grown.id, old.id);

        // a new event of one cell, changed once chained and sealed; an old event of the other cell, changed as well
        new Scenario(operator()).enrollOfficial(grown.id, "Đảng viên 5", "2001-01-01", "2002-01-01");
        assertThat(operator().post("/api/v1/ledger/seals", "").status()).isEqualTo(201);
        String added = jdbc.queryForObject("SELECT event_id FROM ledger_event WHERE scope_id = ? AND scope_seq = 6",
                String.class, grown.id);
        asAttacker(c -> {
            c.update("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                    + " 'Đảng viên 5', 'Đảng viên 6'), 'UTF8') WHERE eventidentifier = ?", added);
            c.update("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                    + " 'Đảng viên 2', 'Đảng viên 7'), 'UTF8') WHERE eventidentifier = ?", old.events.get(2));
        });

        clock.advance(Duration.ofMinutes(1));
        long seal = sealer.latest().orElseThrow().sealNo();
        IntegrityJobs.Summary second = rolling.verifyAll(seal);
        assertThat(second.walkedWhole()).as("a minute's share of the scopes and the broken ones")
                .isLessThan(second.scopes());
        assertThat(second.broken()).filteredOn(v -> v.scope().equals(grown.id)).singleElement()
                .satisfies(v -> assertThat(v.failure().reason()).isEqualTo(Finding.Reason.PAYLOAD_CHANGED.name()))
                .satisfies(v -> assertThat(v.failure().position()).isEqualTo(6L));

        clock.advance(Duration.ofHours(24));
        IntegrityJobs.Summary third = rolling.verifyAll(seal);
        assertThat(third.walkedWhole()).as("within the interval every scope's turn has come").isEqualTo(third.scopes());
        assertThat(third.broken()).filteredOn(v -> v.scope().equals(old.id)).singleElement()
                .satisfies(v -> assertThat(v.failure().reason()).isEqualTo(Finding.Reason.PAYLOAD_CHANGED.name()))
                .satisfies(v -> assertThat(v.failure().position()).isEqualTo(3L));
    }

    private static List<String> brokenScopes(IntegrityJobs.Summary summary) {
        return summary.broken().stream().map(ChainVerification.Verification::scope).toList();
    }

    @Test
    void a_periodic_seal_is_made_only_when_a_head_moved_other_than_by_seal_facts() {
        sealedCell("Chi bộ niêm phong định kỳ");

        assertThat(sealer.seal(true)).as("nothing but the last seal's own fact since it").isEmpty();
        new Scenario(operator()).establish("PROVINCE", null, null, "Tỉnh mới", "2010-01-01");
        assertThat(sealer.seal(true)).isPresent();
    }

    @Test
    void a_deleted_event_is_found_missing() throws IOException {
        Cell cell = sealedCell("Chi bộ mất sự kiện");
        asAttacker(c -> c.update("DELETE FROM domainevententry WHERE eventidentifier = ?", cell.events.get(1)));

        assertFound(cell.id, Finding.Reason.EVENT_MISSING, 2);
    }

    @Test
    void two_swapped_events_are_found() throws IOException {
        Cell cell = sealedCell("Chi bộ đảo thứ tự");
        asAttacker(c -> {
            c.update("UPDATE domainevententry SET scope_seq = -1 WHERE eventidentifier = ?", cell.events.get(1));
            c.update("UPDATE domainevententry SET scope_seq = 2 WHERE eventidentifier = ?", cell.events.get(3));
            c.update("UPDATE domainevententry SET scope_seq = 4 WHERE eventidentifier = ?", cell.events.get(1));
        });

        assertFound(cell.id, Finding.Reason.EVENTS_SWAPPED, 2);
    }

    @Test
    void a_forged_event_inserted_in_the_middle_is_found() throws IOException {
        Cell cell = sealedCell("Chi bộ bị chèn");
        asAttacker(c -> {
            c.update("UPDATE domainevententry SET scope_seq = scope_seq + 1000000 WHERE scope_id = ? AND scope_seq >= 3",
                    cell.id);
            c.update("UPDATE domainevententry SET scope_seq = scope_seq - 999999 WHERE scope_id = ? AND scope_seq > 1000000",
                    cell.id);
            c.update("""
                    INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,
                        metadata, payload, payloadrevision, payloadtype, timestamp, scope_id, scope_seq, recorded_at)
                    SELECT nextval('domainevententry_globalindex_seq'), 'forged-member', 0, type, 'forged-event',
                        metadata, payload, payloadrevision, payloadtype, timestamp, scope_id, 3, recorded_at
                      FROM domainevententry WHERE eventidentifier = ?""", cell.events.get(1));
        });

        assertFound(cell.id, Finding.Reason.EVENT_INSERTED, 3);
    }

    @Test
    void a_truncated_chain_is_found_missing_where_it_was_cut() throws IOException {
        Cell cell = sealedCell("Chi bộ bị cắt");
        asAttacker(c -> {
            c.update("DELETE FROM domainevententry WHERE scope_id = ? AND scope_seq > 2", cell.id);
            c.update("DELETE FROM ledger_chain_link WHERE scope_id = ? AND scope_seq > 2", cell.id);
            c.update("UPDATE ledger_chain_head h SET seq = 2, link = l.link FROM ledger_chain_link l"
                    + " WHERE h.scope_id = ? AND l.scope_id = h.scope_id AND l.scope_seq = 2", cell.id);
            c.update("UPDATE ledger_scope_head SET seq = 2 WHERE scope_id = ?", cell.id);
        });

        assertFound(cell.id, Finding.Reason.EVENT_MISSING, 3);
    }

    @Test
    void a_removed_seal_is_found_missing() throws IOException {
        Cell cell = sealedCell("Chi bộ mất niêm phong");
        Map<String, Object> seal = jdbc.queryForMap("SELECT * FROM ledger_seal ORDER BY seal_no DESC LIMIT 1");
        long sealNo = ((Number) seal.get("seal_no")).longValue();
        asAttacker(c -> c.update("DELETE FROM ledger_seal WHERE seal_no = ?", sealNo));
        try {
            Finding f = assertFound(cell.id, Finding.Reason.SEAL_MISSING, cell.events.size());
            assertThat(f.sealNo()).isEqualTo(sealNo);
        } finally {
            asAttacker(c -> c.update("INSERT INTO ledger_seal (seal_no, sealed_at, previous, tree_size, root, key_id,"
                    + " signature, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", seal.get("seal_no"), seal.get("sealed_at"),
                    seal.get("previous"), seal.get("tree_size"), seal.get("root"), seal.get("key_id"),
                    seal.get("signature"), seal.get("digest")));
        }
    }

    @Test
    void a_seal_signed_again_with_another_key_has_a_bad_signature() throws Exception {
        Cell cell = sealedCell("Chi bộ niêm phong giả");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM ledger_seal ORDER BY seal_no DESC LIMIT 1");
        long sealNo = ((Number) row.get("seal_no")).longValue();
        Seal seal = new Seal(sealNo, (String) row.get("sealed_at"), (String) row.get("previous"),
                ((Number) row.get("tree_size")).longValue(), (String) row.get("root"), (String) row.get("key_id"), null);
        KeyPair attacker = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(attacker.getPrivate());
        signer.update(seal.statementBytes());
        String forged = Base64.getEncoder().encodeToString(signer.sign());
        asAttacker(c -> c.update("UPDATE ledger_seal SET signature = ? WHERE seal_no = ?", forged, sealNo));
        try {
            Finding f = assertFound(cell.id, Finding.Reason.BAD_SIGNATURE, cell.events.size());
            assertThat(f.sealNo()).isEqualTo(sealNo);
        } finally {
            asAttacker(c -> c.update("UPDATE ledger_seal SET signature = ? WHERE seal_no = ?", row.get("signature"), sealNo));
        }
    }

    @Test
    void an_exported_bundle_edited_afterwards_is_refused() throws IOException {
        Cell cell = sealedCell("Chi bộ hồ sơ bị sửa");
        Map<String, byte[]> entries = new LinkedHashMap<>(Bundle.read(new ByteArrayInputStream(bundle(cell.id))));
        String path = "scopes/" + cell.id + "/events.jsonl";
        entries.put(path, new String(entries.get(path), StandardCharsets.UTF_8).replace("Đảng viên 1", "Đảng viên 7")
                .getBytes(StandardCharsets.UTF_8));

        BundleVerifier.Report report = BundleVerifier.verify(entries);

        assertThat(report.finding().reason()).isEqualTo(Finding.Reason.BUNDLE_EDITED);
        assertThat(report.finding().detail()).contains(path);
    }

    @Test
    void only_inspectors_and_operators_of_the_organisation_read_its_evidence_and_each_read_is_announced() {
        Cell cell = sealedCell("Chi bộ được kiểm tra");
        LedgerClient op = operator();
        assertThat(op.post("/api/v1/users", Map.of("username", "ubkt.integrity", "password", "a-long-enough-password",
                "grants", List.of(Map.of("role", "INSPECTOR", "organizationId", cell.commune)))).status()).isEqualTo(201);
        assertThat(op.post("/api/v1/users", Map.of("username", "viewer.integrity", "password", "a-long-enough-password",
                "grants", List.of(Map.of("role", "DASHBOARD_VIEWER", "organizationId", cell.commune)))).status()).isEqualTo(201);
        LedgerClient inspector = op.as("ubkt.integrity", "a-long-enough-password");
        LedgerClient viewer = op.as("viewer.integrity", "a-long-enough-password");
        Reads.SEEN.clear();

        LedgerClient.Download zip = inspector.download("/api/v1/ledger/scopes/" + cell.commune + "/bundle?subtree=true");

        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).isEqualTo("application/zip");
        assertThat(Reads.SEEN).singleElement().satisfies(r -> {
            assertThat(r.what()).isEqualTo("bundle");
            assertThat(r.username()).isEqualTo("ubkt.integrity");
            assertThat(r.role()).isEqualTo("INSPECTOR");
            assertThat(r.scopes()).contains(cell.commune, cell.id);
        });
        assertThat(viewer.download("/api/v1/ledger/scopes/" + cell.id + "/bundle").status()).isEqualTo(403);
        assertThat(viewer.get("/api/v1/ledger/scopes/" + cell.id + "/verification").status()).isEqualTo(403);
        assertThat(inspector.post("/api/v1/ledger/seals", "").status()).isEqualTo(403);
        assertThat(op.get("/api/v1/ledger/scopes/no-such-org/verification").status()).isEqualTo(404);
        assertThat(op.download("/api/v1/ledger/scopes/" + cell.id + "/bundle?from=2020-02-01&to=2020-01-01").status())
                .isEqualTo(400);
    }

    @Test
    void seals_are_listed_newest_first_in_pages_down_to_the_first() {
        sealedCell("Chi bộ niêm phong");
        LedgerClient op = operator();
        assertThat(op.post("/api/v1/ledger/seals", "").status()).isEqualTo(201);
        long total = jdbc.queryForObject("SELECT count(*) FROM ledger_seal", Long.class);

        JsonNode newest = op.get("/api/v1/ledger/seals?size=1").body();
        JsonNode oldest = op.get("/api/v1/ledger/seals?size=1&page=" + (total - 1)).body();
        JsonNode beyond = op.get("/api/v1/ledger/seals?size=1&page=" + total).body();

        assertThat(newest.path("total").asLong()).isEqualTo(total);
        assertThat(newest.path("items").get(0).path("sealNo").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT max(seal_no) FROM ledger_seal", Long.class));
        assertThat(oldest.path("items").get(0).path("sealNo").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT min(seal_no) FROM ledger_seal", Long.class));
        assertThat(beyond.path("items")).isEmpty();
        LedgerClient.Response tooLarge = op.get("/api/v1/ledger/seals?size=1001");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.body().path("errors").findValuesAsText("field")).containsExactly("size");
    }

    @Test
    void a_key_rotation_is_a_ledger_fact_and_old_seals_still_verify() throws IOException {
        Cell cell = sealedCell("Chi bộ đổi khóa");
        LedgerClient op = operator();
        String before = op.get("/api/v1/ledger/keys").body().get(0).path("keyId").asText();

        LedgerClient.Response rotated = op.post("/api/v1/ledger/keys/rotation", "");

        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(201);
        assertThat(rotated.body().path("previousKeyId").asText()).isEqualTo(before);
        JsonNode keys = op.get("/api/v1/ledger/keys").body();
        assertThat(keys.size()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_event WHERE scope_id = 'ledger' AND payload_type = ?",
                Long.class, "vn.partyledger.api.ledger.LedgerKeyAdded")).isGreaterThanOrEqualTo(2);
        assertThat(op.post("/api/v1/ledger/seals", "").body().path("keyId").asText())
                .isEqualTo(rotated.body().path("keyId").asText());
        assertThat(verification(cell.id).path("ok").asBoolean()).isTrue();
        assertThat(BundleVerifier.verify(Bundle.read(new ByteArrayInputStream(bundle(cell.id)))).ok()).isTrue();
    }

    /** A cell with five events in its own scope (establishment and four enrolments), chained and sealed. */
    private Cell sealedCell(String name) {
        Scenario s = new Scenario(operator());
        String province = s.establish("PROVINCE", null, null, "Tỉnh " + name, "2010-01-01");
        String commune = s.establish("COMMUNE", null, province, "Xã " + name, "2010-01-01");
        String cell = s.establish("CELL", "VILLAGE", commune, name, "2010-01-01");
        for (int i = 1; i <= 4; i++) {
            s.enrollOfficial(cell, "Đảng viên " + i, "2001-01-01", "2002-01-01");
        }
        LedgerClient.Response sealed = operator().post("/api/v1/ledger/seals", "");
        assertThat(sealed.status()).as(sealed.toString()).isEqualTo(201);
        List<String> events = jdbc.queryForList("SELECT event_id FROM ledger_event WHERE scope_id = ? ORDER BY scope_seq",
                String.class, cell);
        assertThat(events).hasSize(5);
        return new Cell(cell, commune, events);
    }

    private record Cell(String id, String commune, List<String> events) {
    }

    /** Same reason and position from the endpoint and from the offline verifier on a fresh export. */
    private Finding assertFound(String scope, Finding.Reason reason, long position) throws IOException {
        JsonNode v = verification(scope);
        assertThat(v.path("ok").asBoolean()).as(v.toString()).isFalse();
        assertThat(v.path("failure").path("reason").asText()).as(v.toString()).isEqualTo(reason.name());
        assertThat(v.path("failure").path("position").asLong()).as(v.toString()).isEqualTo(position);

        byte[] zip = bundle(scope);
        BundleVerifier.Report report = BundleVerifier.verify(Bundle.read(new ByteArrayInputStream(zip)));
        assertThat(report.ok()).isFalse();
        assertThat(report.finding().reason()).as(report.finding().describe()).isEqualTo(reason);
        assertThat(report.finding().position()).as(report.finding().describe()).isEqualTo(position);
        assertThat(runVerifierJar(zip)).contains("FAILED " + reason.text()).contains("position " + position);
        return report.finding();
    }

    private JsonNode verification(String scope) {
        LedgerClient.Response r = operator().get("/api/v1/ledger/scopes/" + scope + "/verification");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    private byte[] bundle(String scope) {
        LedgerClient.Download d = operator().download("/api/v1/ledger/scopes/" + scope + "/bundle");
        assertThat(d.status()).as(new String(d.bytes(), StandardCharsets.UTF_8)).isEqualTo(200);
        return d.bytes();
    }

    /** The offline verifier's own entry point, on the bundle written to a file as an inspector would keep it. */
    private static String runVerifierJar(byte[] zip) throws IOException {
        Path file = Files.createTempFile(OWN_DATA, "bundle-", ".zip");
        try {
            Files.write(file, zip);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            vn.partyledger.verifier.VerifyBundle.run(new String[] {file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            Files.delete(file);
        }
    }

    /** Changes rows the way an attacker with database access would: with every trigger switched off. */
    private void asAttacker(java.util.function.Consumer<JdbcTemplate> change) {
        jdbc.execute((ConnectionCallback<Void>) c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("SET LOCAL session_replication_role = replica");
            }
            change.accept(new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true)));
            c.commit();
            c.setAutoCommit(auto);
            return null;
        });
    }
}
