package vn.partyledger.query.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.partyledger.api.rating.FindMemberRatings;
import vn.partyledger.api.rating.MemberRatings;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingRuleSets;

/**
 * A ledger whose ratings read model was built by version 1 keeps answering between the migration and the rebuild:
 * the steps and the decision version 1 wrote on the rating's row are moved to rows of their own, undated and known at
 * any instant, with the outcomes and evidence of that decision.
 */
class RatingsKnownAtMigrationTest {

    @Test
    void theRowsVersionOneOverwroteAreMovedAndReadAsBefore() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
                    .target("202611270150").load().migrate();
            JdbcTemplate sql = new JdbcTemplate(postgres.getPostgresDatabase());
            sql.update("""
                    insert into rating_round (round_id, organization_id, year, rule_set_id, rule_set_title, opened_on,
                                              last_position)
                    values ('round:c:2025', 'c', 2025, 'QD366-2025', 'QĐ 366', '2025-12-01', 1)""");
            sql.update("""
                    insert into rating_entry (rating_id, round_id, deciding_body_id, year, subject, subject_id,
                                              organization_id, rule_set_id, opened_on, self_proposed, cell_proposed,
                                              level, decision_no, decided_on, published_on, last_position)
                    values ('r1', 'round:c:2025', 'c', 2025, 'MEMBER', 'xuan', 'cell', 'QD366-2025', '2025-12-02',
                            'EXCELLENT', 'GOOD', 'GOOD', '45-QĐ/ĐU', '2025-12-20', '2025-12-22', 9)""");
            sql.update("""
                    insert into rating_outcome (rating_id, seq, rule, severity, basis, message)
                    values ('r1', 0, 'R5', 'WARNING', 'QĐ 366', 'late task')""");
            sql.update("""
                    insert into rating_evidence (rating_id, year, fully_exempt, suspended, temporarily_exempt,
                                                 meetings_required, meetings_attended, months_without_reason,
                                                 commitment)
                    values ('r1', 2025, false, false, false, 12, 11, '2025-04', 'SUBMITTED')""");

            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                    .migrate();

            RatingProjection projection = new RatingProjection(
                    new NamedParameterJdbcTemplate(postgres.getPostgresDatabase()), RatingRuleSets.standard(),
                    Clock.fixed(Instant.parse("2026-03-01T03:00:00Z"), ZoneOffset.UTC));
            MemberRatings.Entry now = projection.handle(new FindMemberRatings("xuan")).ratings().get(0);
            assertThat(now.state()).isEqualTo("PUBLISHED");
            assertThat(now.level()).isEqualTo(RatingLevel.GOOD);
            assertThat(now.selfProposed()).isEqualTo(RatingLevel.EXCELLENT);
            assertThat(now.cellProposed()).isEqualTo(RatingLevel.GOOD);
            assertThat(now.decisionNo()).isEqualTo("45-QĐ/ĐU");
            assertThat(now.decidedOn()).isEqualTo(LocalDate.of(2025, 12, 20));
            assertThat(now.outcomes()).containsExactly(RuleOutcome.warning("R5", "QĐ 366", "late task"));
            assertThat(now.evidence().monthsWithoutLegitimateReason()).containsExactly("2025-04");
            // moved rows carry no recorded instant: known at any instant, as before the migration
            assertThat(projection.handle(new FindMemberRatings("xuan", null, Instant.parse("2020-01-01T00:00:00Z")))
                    .ratings()).extracting(MemberRatings.Entry::level).containsExactly(RatingLevel.GOOD);
            assertThat(sql.queryForList("select step from rating_step order by step", String.class))
                    .isEqualTo(List.of("CELL_REVIEW", "PUBLICATION", "SELF_REVIEW"));
        }
    }
}
