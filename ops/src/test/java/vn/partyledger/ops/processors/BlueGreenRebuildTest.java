package vn.partyledger.ops.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.partyledger.ops.LedgerClient;
import vn.partyledger.ops.LedgerTestSupport;
import vn.partyledger.ops.Scenario;
import vn.partyledger.query.meeting.MeetingRegisterProjection;

/**
 * Blue/green rebuilds over HTTP: the live tables answer until the rebuilt ones replace them in one transaction; progress
 * is visible in the API and as meters; the command side's lookups rebuild without a command going wrong; a version
 * above the recorded one rebuilds on its own. (A dead letter parked by a rebuild: {@code ReplayAndDeadLetterTest}.)
 */
class BlueGreenRebuildTest extends LedgerTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Rebuilds rebuilds;

    @Autowired
    EventProcessingConfiguration processing;

    @AfterEach
    void openTheGate() {
        RebuildGate.open();
    }

    @Test
    void everyLiveReadModelAndLookupRemembersTheTypesItTakesAndItsHandlersCanStillBeRebuilt() {
        for (String name : List.of("organization-tree", "member-roll", "meeting-register", "task-board",
                "commitment-coverage", "development", "ratings")) {
            EventProcessor live = processing.eventProcessor(name).orElseThrow();
            assertThat(live).as(name).isInstanceOf(PooledStreamingEventProcessor.class);
            assertThat(((AbstractEventProcessor) live).eventHandlerInvoker()).as(name)
                    .isInstanceOf(RememberingInvoker.class);
        }
        for (String name : List.of("command-directory", "task-directory")) {
            EventProcessor lookups = processing.eventProcessor(name).orElseThrow();
            assertThat(lookups).as(name).isInstanceOf(SubscribingEventProcessor.class);
            assertThat(((AbstractEventProcessor) lookups).eventHandlerInvoker()).as(name)
                    .isInstanceOf(RememberingInvoker.class);
        }
    }

    private record Cell(String commune, String cell, List<String> members) {
    }

    private static Cell cell(Scenario s, String name, int members) {
        String province = s.establish("PROVINCE", null, null, "Đảng bộ tỉnh " + name, "2010-01-01");
        String commune = s.establish("COMMUNE", null, province, "Đảng bộ xã " + name, "2010-01-01");
        String cell = s.establish("CELL", "VILLAGE", commune, "Chi bộ thôn " + name, "2010-01-01");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= members; i++) {
            ids.add(s.enrollOfficial(cell, "Lò Văn " + name + " " + i, "2010-03-01", "2011-03-01"));
        }
        return new Cell(commune, cell, ids);
    }

    private static String meeting(LedgerClient op, Cell c, String heldOn) {
        List<Map<String, Object>> attendance = new ArrayList<>();
        c.members().forEach(m -> attendance.add(Map.of("memberId", m, "status", "PRESENT")));
        Map<String, Object> body = new HashMap<>();
        body.put("held", true);
        body.put("kind", "REGULAR");
        body.put("heldOn", heldOn);
        body.put("agenda", List.of("Đánh giá kết quả tháng"));
        body.put("attendance", attendance);
        body.put("guests", List.of());
        body.put("durationMinutes", 90);
        LedgerClient.Response r = op.post("/api/v1/organizations/" + c.cell() + "/meetings", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    private static JsonNode entry(JsonNode processors, String name) {
        for (JsonNode p : processors) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private JsonNode awaitSwitched(LedgerClient op, String name) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = op.get("/api/v1/ops/processors/" + name + "/replay").body();
            return last[0].path("finished").asBoolean();
        });
        return last[0];
    }

    @Test
    void theMeetingViewAnswersTheOldFiguresDuringARebuildAndTheRebuiltOnesAfterTheSwitch() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Cell c = cell(s, "Bản Phủ", 3);
        String id = meeting(op, c, "2025-03-15");
        s.awaitGet("/api/v1/meetings/" + id, m -> m.path("state").asText().equals("CLOSED"));
        // The figure a buggy older version of the read model stored: the rebuild must replace it, not the live one.
        jdbc.update("update meeting_register_meeting set attended = 99 where meeting_id = ?", id);
        assertThat(op.get("/api/v1/meetings/" + id).body().path("attended").asInt()).isEqualTo(99);

        RebuildGate.close();
        LedgerClient.Response started = op.post("/api/v1/ops/processors/meeting-register/replay", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.body().path("state").asText()).isEqualTo("REBUILDING");
        assertThat(started.body().path("schema").asText()).isEqualTo("rebuild_meeting_register");

        // Running, not "segments > 0": with one segment, Axon reports a segment's status only once its first batch has
        // committed, and the gate holds that batch.
        JsonNode processors = s.awaitGet("/api/v1/ops/processors",
                l -> entry(l, "meeting-register@rebuild") != null
                        && entry(l, "meeting-register@rebuild").path("running").asBoolean());
        JsonNode green = entry(processors, "meeting-register@rebuild");
        assertThat(green.path("mode").asText()).isEqualTo("rebuild");
        JsonNode live = entry(processors, "meeting-register");
        assertThat(live.path("rebuild").path("state").asText()).isEqualTo("REBUILDING");
        assertThat(live.path("rebuild").path("total").asLong()).isPositive();
        assertThat(live.path("rebuild").path("done").asLong()).isLessThan(live.path("rebuild").path("total").asLong());
        String metrics = op.get("/actuator/prometheus").raw().body();
        assertThat(metrics).contains("ledger_rebuild_target{processor=\"meeting-register\"}",
                "ledger_rebuild_done{processor=\"meeting-register\"}", "ledger_rebuild_eta",
                "ledger_replay_progress{processor=\"meeting-register\"}");

        for (int i = 0; i < 5; i++) {
            LedgerClient.Response during = op.get("/api/v1/meetings/" + id);
            assertThat(during.status()).as(during.toString()).isEqualTo(200);
            assertThat(during.body().path("attended").asInt()).isEqualTo(99);
            assertThat(op.get("/api/v1/organizations/" + c.cell() + "/meeting-register?year=2025").status())
                    .isEqualTo(200);
        }
        assertThat(rebuilds.rebuilding("meeting-register")).isTrue();

        RebuildGate.open();
        JsonNode done = awaitSwitched(op, "meeting-register");
        assertThat(done.path("state").asText()).isEqualTo("SWITCHED");
        assertThat(done.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(done.path("archiveSchema").asText()).startsWith("archive_meeting_register_v"
                + MeetingRegisterProjection.VERSION + "_");
        JsonNode after = s.awaitGet("/api/v1/meetings/" + id, m -> m.path("attended").asInt() == 3);
        assertThat(after.path("attendance")).hasSize(3);
        assertThat(entry(op.get("/api/v1/ops/processors").body(), "meeting-register@rebuild")).isNull();

        // The replaced tables are kept until an operator drops them, under their original index names now live.
        String archive = done.path("archiveSchema").asText();
        assertThat(jdbc.queryForObject("select attended from " + archive + ".meeting_register_meeting where meeting_id = ?",
                Integer.class, id)).isEqualTo(99);
        assertThat(jdbc.queryForObject("select count(*) from pg_indexes where schemaname = 'public' "
                + "and indexname = 'meeting_register_attendance_org'", Integer.class)).isEqualTo(1);

        // The live processor goes on from the rebuilt tokens: a later meeting lands in the rebuilt tables.
        String next = meeting(op, c, "2025-04-15");
        assertThat(s.awaitGet("/api/v1/meetings/" + next, m -> m.path("state").asText().equals("CLOSED"))
                .path("attended").asInt()).isEqualTo(3);
    }

    @Test
    void rebuildsOfTheCommandSideLookupsLeaveEveryCommandCorrect() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        Cell c = cell(s, "Nà Sài", 4);
        meeting(op, c, "2025-05-10");
        String organizations = "select organization_id, parent_id, level, active from cmd_organization order by 1";
        String members = "select * from cmd_member order by member_id";
        String meetings = "select * from cmd_meeting order by meeting_id";
        List<Map<String, Object>> orgsBefore = jdbc.queryForList(organizations);
        List<Map<String, Object>> membersBefore = jdbc.queryForList(members);
        List<Map<String, Object>> meetingsBefore = jdbc.queryForList(meetings);

        List<Map<String, Object>> householdsBefore = jdbc.queryForList("select * from cmd_household order by 1, 2");

        LedgerClient.Response started = op.post("/api/v1/ops/processors/command-directory/replay", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(op.post("/api/v1/ops/processors/task-directory/replay", "").status()).isEqualTo(202);
        // Commands keep being answered while the lookups rebuild and at the switch.
        List<String> enrolled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            enrolled.add(s.enrollOfficial(c.cell(), "Quàng Thị " + i, "2012-03-01", "2013-03-01"));
        }
        JsonNode done = awaitSwitched(op, "command-directory");
        awaitSwitched(op, "task-directory");
        assertThat(jdbc.queryForList("select * from cmd_household order by 1, 2")).isEqualTo(householdsBefore);
        assertThat(done.path("archiveSchema").asText()).startsWith("archive_command_directory_v" + ReadModelCatalog.COMMAND_DIRECTORY_VERSION + "_");

        assertThat(jdbc.queryForList(organizations)).containsAll(orgsBefore);
        assertThat(jdbc.queryForList(members)).containsAll(membersBefore);
        assertThat(jdbc.queryForList(meetings)).containsAll(meetingsBefore);
        assertThat(jdbc.queryForObject("select count(*) from cmd_member where member_id in (?, ?, ?)", Integer.class,
                enrolled.toArray())).isEqualTo(3);

        // The rebuilt lookups decide: the cell's roll now holds seven members, and a stranger is not on it.
        Cell grown = new Cell(c.commune(), c.cell(), new ArrayList<>(c.members()));
        grown.members().addAll(enrolled);
        String june = meeting(op, grown, "2025-06-10");
        assertThat(s.awaitGet("/api/v1/meetings/" + june, m -> m.path("state").asText().equals("CLOSED"))
                .path("roll").path("requiredToAttend").asInt()).isEqualTo(7);
        LedgerClient.Response stranger = op.post("/api/v1/organizations/" + c.cell() + "/meetings", json(
                "held", true, "kind", "THEMATIC", "heldOn", "2025-07-10", "agenda", List.of("Chuyên đề"),
                "attendance", List.of(Map.of("memberId", UUID.randomUUID().toString(), "status", "PRESENT")),
                "guests", List.of(), "durationMinutes", 90));
        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(400);
        assertThat(stranger.body().path("errors").findValuesAsText("field")).anyMatch(f -> f.endsWith("memberId"));
        assertThat(jdbc.queryForObject("select version from read_model_version where read_model = 'command-directory'",
                Integer.class)).isEqualTo(ReadModelCatalog.COMMAND_DIRECTORY_VERSION);
    }

    @Test
    void aDeclaredVersionAboveTheRecordedOneRebuildsBesideTheLiveTables() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        cell(s, "Mường Phăng", 2);
        s.awaitCaughtUp();
        jdbc.update("update read_model_version set version = version - 1 where read_model = 'development'");

        rebuilds.rebuildWhereVersionsDiffer();
        JsonNode done = awaitSwitched(op, "development");
        assertThat(done.path("fromVersion").asInt()).isEqualTo(done.path("version").asInt() - 1);
        assertThat(jdbc.queryForObject("select version from read_model_version where read_model = 'development'",
                Integer.class)).isEqualTo(done.path("version").asInt());
        assertThat(jdbc.queryForObject("select count(*) from read_model_archive where schema_name = ?", Integer.class,
                done.path("archiveSchema").asText())).isEqualTo(1);
    }
}
