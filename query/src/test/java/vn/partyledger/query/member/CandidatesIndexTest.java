package vn.partyledger.query.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import vn.partyledger.query.ReadModelDatabase;

/**
 * A cell's candidates among a province's 60,000 people on the member roll (600 cells of 100, two candidates in each) come
 * from the partial index of candidates — checked on the plan, not with a timer.
 */
class CandidatesIndexTest {

    private static ReadModelDatabase db;

    @BeforeAll
    static void populate() {
        db = ReadModelDatabase.start();
        // two people of each cell are still candidates; the others are members, official or probationary
        db.jdbc().getJdbcTemplate().execute("""
                insert into member_roll_member (member_id, full_name, birth_date, organization_id, status,
                                                last_position)
                select 'member-' || i, 'Lò Văn ' || (60000 - i), date '1960-01-01' + i % 15000, 'cell-' || (i % 600),
                       case when (i / 600) % 50 = 0 then 'CANDIDATE' when i % 3 = 0 then 'PROBATIONARY' else 'OFFICIAL' end, i
                  from generate_series(0, 59999) i""");
        db.jdbc().getJdbcTemplate().execute("ANALYZE member_roll_member");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static MapSqlParameterSource cell(String id) {
        return new MapSqlParameterSource("organization", id);
    }

    @Test
    void aCellsCandidatesAreReadFromThePartialIndexOfCandidates() {
        List<Map<String, Object>> rows = db.jdbc().queryForList(MemberRollProjection.CANDIDATES, cell("cell-7"));
        assertThat(rows).extracting(r -> r.get("member_id")).containsExactly("member-30007", "member-7");

        String plan = String.join("\n", db.jdbc().queryForList("EXPLAIN (COSTS OFF) " + MemberRollProjection.CANDIDATES,
                cell("cell-7"), String.class));
        assertThat(plan).as(plan).contains("member_roll_member_candidates").doesNotContain("Seq Scan");
    }
}
