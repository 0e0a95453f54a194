package vn.partyledger.query.rating;

import java.sql.Types;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.rating.RatingDecisionCorrected;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.query.BatchWrites;
import vn.partyledger.query.ProjectionPositions;

/**
 * A corrected rating decision (docs/decisions/0011) replaces the recorded level, score, number and rule outcomes of
 * the rating, so the distribution and the member's ratings re-judge it; the history keeps both. Part of the ratings
 * read model (same processing group: replayed and reset with it, its tables emptied by the projection's reset), in a
 * class of its own; its statements join the batch's queue (BatchWrites) so they run after the decision they correct
 * even when both are in one batch. The evidence stays the decision's: the
 * correction is judged on the decision's date and carries the same year.
 */
@Component
@ProcessingGroup(RatingProjection.NAME)
public class RatingCorrections {

    private final NamedParameterJdbcTemplate jdbc;

    public RatingCorrections(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RatingDecisionCorrected e, TrackingToken token) {
        long position = ProjectionPositions.of(token);
        Authority override = e.quotaOverride();
        BatchWrites.update(jdbc, """
                with outcomes as (delete from rating_outcome where rating_id = :ratingId)
                update rating_entry
                   set level = :level, score = :score, decision_no = :decisionNo,
                       override_doc_no = :docNo, override_issuer = :issuer, override_issued_on = :issuedOn,
                       last_position = greatest(last_position, :position)
                 where rating_id = :ratingId""",
                new MapSqlParameterSource("level", e.level().name()).addValue("score", e.score(), Types.INTEGER)
                        .addValue("decisionNo", e.decisionNo())
                        .addValue("docNo", override == null ? null : override.docNo())
                        .addValue("issuer", override == null ? null : override.issuer())
                        .addValue("issuedOn", override == null ? null : override.issuedOn(), Types.DATE)
                        .addValue("ratingId", e.ratingId()).addValue("position", position));
        List<RuleOutcome> outcomes = e.outcomes() == null ? List.of() : e.outcomes();
        BatchWrites.update(jdbc, """
                insert into rating_outcome (rating_id, seq, rule, severity, basis, message)
                values (:id, :seq, :rule, :severity, :basis, :message)""",
                IntStream.range(0, outcomes.size()).mapToObj(i -> new MapSqlParameterSource("id",
                        e.ratingId()).addValue("seq", i).addValue("rule", outcomes.get(i).rule())
                        .addValue("severity", outcomes.get(i).severity().name())
                        .addValue("basis", outcomes.get(i).basis()).addValue("message", outcomes.get(i).message()))
                        .toArray(MapSqlParameterSource[]::new));
        ProjectionPositions.advance(jdbc, RatingProjection.NAME, position);
    }
}
