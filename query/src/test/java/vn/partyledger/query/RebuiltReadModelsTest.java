package vn.partyledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import vn.partyledger.api.rules.rating.RatingRuleSets;
import vn.partyledger.query.commitment.CommitmentCoverageProjection;
import vn.partyledger.query.development.DevelopmentProjection;
import vn.partyledger.query.meeting.MeetingRegisterProjection;
import vn.partyledger.query.member.MemberRollProjection;
import vn.partyledger.query.organization.OrganizationCorrections;
import vn.partyledger.query.organization.OrganizationTreeProjection;
import vn.partyledger.query.rating.RatingCorrections;
import vn.partyledger.query.rating.RatingProjection;
import vn.partyledger.query.task.TaskBoardProjection;

/**
 * Every read model of the query side, built live from a generated ledger of over 100,000 events — some events applied
 * one at a time, most in the small batches a processor takes while it keeps up — then reset and rebuilt in large
 * batches as a replay does: every table holds exactly the same rows.
 */
class RebuiltReadModelsTest {

    private static final long SEED = 20261127L;
    private static final int REBUILD_BATCH = 2_000;

    private static ReadModelDatabase db;

    @BeforeAll
    static void start() {
        db = ReadModelDatabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void everyReadModelRebuiltInLargeBatchesEqualsTheOneBuiltLive() {
        List<Object> events = SyntheticLedger.generate(SEED, 4, 10, 22, 100_000);
        assertThat(events).hasSizeGreaterThanOrEqualTo(100_000);
        ProcessorBatches processor = new ProcessorBatches(db, projections());

        long live = System.nanoTime();
        Random sizes = new Random(SEED);
        int i = 0;
        while (i < events.size()) {
            if (sizes.nextInt(5) == 0) {
                processor.one(events, i++);
            } else {
                int end = Math.min(events.size(), i + 1 + sizes.nextInt(40));
                processor.batch(events, i, end);
                i = end;
            }
        }
        live = System.nanoTime() - live;
        List<String> tables = readModelTables();
        keepLiveCopy(tables);

        long rebuilt = System.nanoTime();
        processor.reset();
        for (int from = 0; from < events.size(); from += REBUILD_BATCH) {
            processor.batch(events, from, Math.min(events.size(), from + REBUILD_BATCH));
        }
        rebuilt = System.nanoTime() - rebuilt;
        System.out.printf("%,d events: live %,d ms, rebuilt in batches of %,d in %,d ms%n", events.size(),
                live / 1_000_000, REBUILD_BATCH, rebuilt / 1_000_000);

        assertThat(tables).contains("member_roll_period", "meeting_register_attendance", "task_board_task",
                "commitment_record", "development_fact", "rating_entry", "org_tree_parent_period",
                "projection_position");
        for (String table : tables) {
            assertThat(db.count("live." + table)).as("rows of %s built live", table).isPositive();
            assertThat(differences(table)).as("rows of %s that differ between live and rebuilt", table).isEmpty();
        }
    }

    private static Object[] projections() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC);
        var jdbc = db.jdbc();
        return new Object[]{new OrganizationTreeProjection(jdbc), new MemberRollProjection(jdbc),
                new MeetingRegisterProjection(jdbc), new TaskBoardProjection(jdbc),
                new CommitmentCoverageProjection(jdbc), new DevelopmentProjection(jdbc),
                new RatingProjection(jdbc, RatingRuleSets.standard()), new OrganizationCorrections(jdbc),
                new RatingCorrections(jdbc)};
    }

    private static List<String> readModelTables() {
        return db.jdbc().queryForList("""
                select table_name from information_schema.tables
                 where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                 order by table_name""", Map.of(), String.class);
    }

    private static void keepLiveCopy(List<String> tables) {
        db.jdbc().update("drop schema if exists live cascade; create schema live", Map.of());
        for (String table : tables) {
            db.jdbc().update("create table live." + table + " as select * from public." + table, Map.of());
        }
    }

    /**
     * Rows in one version of {@code table} and not the other, counted with their duplicates; surrogate keys (drawn from
     * a sequence) and the time a position was written are not part of what a read model says.
     */
    private static List<Map<String, Object>> differences(String table) {
        List<String> columns = db.jdbc().queryForList("""
                        select column_name from information_schema.columns
                         where table_schema = 'public' and table_name = :table
                           and coalesce(column_default, '') not like 'nextval(%'
                           and not (table_name = 'projection_position' and column_name = 'updated_at')
                         order by ordinal_position""",
                new MapSqlParameterSource("table", table), String.class);
        String list = String.join(", ", columns);
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(db.jdbc().queryForList("select 'rebuilt only' as side, * from (select " + list + " from public."
                + table + " except all select " + list + " from live." + table + ") d limit 5", Map.of()));
        rows.addAll(db.jdbc().queryForList("select 'live only' as side, * from (select " + list + " from live."
                + table + " except all select " + list + " from public." + table + ") d limit 5", Map.of()));
        return rows;
    }
}
