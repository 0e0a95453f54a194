package vn.partyledger.query.rating;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.rating.CellReviewHeld;
import vn.partyledger.api.rating.CongressTarget;
import vn.partyledger.api.rating.CongressTargetsSet;
import vn.partyledger.api.rating.FindMemberRatings;
import vn.partyledger.api.rating.FindRatingDistribution;
import vn.partyledger.api.rating.FindRatingRound;
import vn.partyledger.api.rating.FindTargetCompliance;
import vn.partyledger.api.rating.MemberRatings;
import vn.partyledger.api.rating.RatingAppraised;
import vn.partyledger.api.rating.RatingDecided;
import vn.partyledger.api.rating.RatingDistribution;
import vn.partyledger.api.rating.RatingOpened;
import vn.partyledger.api.rating.RatingPublished;
import vn.partyledger.api.rating.RatingRedecided;
import vn.partyledger.api.rating.RatingRoundView;
import vn.partyledger.api.rating.RatingReopened;
import vn.partyledger.api.rating.RatingRoundClosed;
import vn.partyledger.api.rating.RatingRoundOpened;
import vn.partyledger.api.rating.ResidenceCommentReceived;
import vn.partyledger.api.rating.SelfReviewSubmitted;
import vn.partyledger.api.rating.TargetCompliance;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.rating.MemberYearEvidence;
import vn.partyledger.api.rules.rating.RatingRuleSets;
import vn.partyledger.api.rules.rating.TaskFact;
import vn.partyledger.query.BatchWrites;
import vn.partyledger.query.ProjectionPositions;

/**
 * Rating rounds and ratings (§2.6) with their steps, the outcomes and evidence recorded on each decision, and the
 * congress targets (R6). Answers the rating distribution, target compliance and a member's rating history; the rules
 * the answers apply (levels per year, the R3 quota, R1 reasons, display rounding) are the same objects the command
 * side judges with ({@code api.rules.rating}).
 */
@Component
@ProcessingGroup(RatingProjection.NAME)
public class RatingProjection {

    public static final String NAME = "ratings";
    /** Bump when the tables or their meaning change. */
    public static final int VERSION = 1;

    private final NamedParameterJdbcTemplate jdbc;
    private final RatingQueries queries;

    @Autowired
    public RatingProjection(NamedParameterJdbcTemplate jdbc, RatingRuleSets ruleSets) {
        this(jdbc, ruleSets, Clock.systemUTC());
    }

    RatingProjection(NamedParameterJdbcTemplate jdbc, RatingRuleSets ruleSets, Clock clock) {
        this.jdbc = jdbc;
        this.queries = new RatingQueries(jdbc, ruleSets, clock);
    }

    @EventHandler
    void on(RatingRoundOpened e, TrackingToken token) {
        long position = ProjectionPositions.of(token);
        BatchWrites.update(jdbc, """
                insert into rating_round (round_id, organization_id, year, rule_set_id, rule_set_title, opened_on,
                                          last_position)
                values (:id, :org, :year, :set, :title, :on, :position) on conflict (round_id) do nothing""",
                new MapSqlParameterSource("id", e.roundId()).addValue("org", e.organizationId())
                        .addValue("year", e.year()).addValue("set", e.ruleSetId()).addValue("title", e.ruleSetTitle())
                        .addValue("on", e.openedOn(), Types.DATE).addValue("position", position));
        advance(position);
    }

    @EventHandler
    void on(RatingRoundClosed e, TrackingToken token) {
        long position = ProjectionPositions.of(token);
        BatchWrites.update(jdbc, "update rating_round set closed_on = :on, last_position = greatest(last_position, :position) "
                        + "where round_id = :id",
                new MapSqlParameterSource("id", e.roundId()).addValue("on", e.closedOn(), Types.DATE)
                        .addValue("position", position));
        advance(position);
    }

    @EventHandler
    void on(RatingOpened e, TrackingToken token) {
        long position = ProjectionPositions.of(token);
        BatchWrites.update(jdbc, """
                insert into rating_entry (rating_id, round_id, deciding_body_id, year, subject, subject_id,
                                          organization_id, rule_set_id, opened_on, last_position)
                values (:id, :round, :body, :year, :subject, :subjectId, :org, :set, :on, :position)
                on conflict (rating_id) do nothing""",
                new MapSqlParameterSource("id", e.ratingId()).addValue("round", e.roundId())
                        .addValue("body", e.decidingBodyId()).addValue("year", e.year())
                        .addValue("subject", e.subject().name()).addValue("subjectId", e.subjectId())
                        .addValue("org", e.organizationId()).addValue("set", e.ruleSetId())
                        .addValue("on", e.openedOn(), Types.DATE).addValue("position", position));
        advance(position);
    }

    @EventHandler
    void on(SelfReviewSubmitted e, TrackingToken token) {
        update(e.ratingId(), token, "self_proposed = :level, score_general = :general, score_tasks = :tasks",
                new MapSqlParameterSource("level", e.proposedLevel().name())
                        .addValue("general", e.score() == null ? null : e.score().general(), Types.INTEGER)
                        .addValue("tasks", e.score() == null ? null : e.score().tasks(), Types.INTEGER));
    }

    @EventHandler
    void on(CellReviewHeld e, TrackingToken token) {
        update(e.ratingId(), token, "cell_proposed = :level",
                new MapSqlParameterSource("level", e.proposedLevel().name()));
    }

    @EventHandler
    void on(ResidenceCommentReceived e, TrackingToken token) {
        update(e.ratingId(), token, "residence_comment = :comment", new MapSqlParameterSource("comment", e.comment()));
    }

    @EventHandler
    void on(RatingAppraised e, TrackingToken token) {
        update(e.ratingId(), token, "appraised = :level", new MapSqlParameterSource("level", e.proposedLevel().name()));
    }

    @EventHandler
    void on(RatingDecided e, TrackingToken token) {
        decided(e.ratingId(), e.level().name(), e.score(), e.decisionNo(), e.decidedOn(), e.quotaOverride(),
                e.outcomes(), e.evidence(), token);
    }

    @EventHandler
    void on(RatingRedecided e, TrackingToken token) {
        decided(e.ratingId(), e.level().name(), e.score(), e.decisionNo(), e.decidedOn(), e.quotaOverride(),
                e.outcomes(), e.evidence(), token);
    }

    @EventHandler
    void on(RatingPublished e, TrackingToken token) {
        update(e.ratingId(), token, "published_on = :on",
                new MapSqlParameterSource().addValue("on", e.publishedOn(), Types.DATE));
    }

    @EventHandler
    void on(RatingReopened e, TrackingToken token) {
        update(e.ratingId(), token, "reopened_for = :reason", new MapSqlParameterSource("reason", e.reason().name()));
    }

    @EventHandler
    void on(CongressTargetsSet e, TrackingToken token) {
        long position = ProjectionPositions.of(token);
        MapSqlParameterSource key = new MapSqlParameterSource("org", e.organizationId()).addValue("term", e.term());
        BatchWrites.update(jdbc, "delete from rating_target where organization_id = :org and term = :term", key);
        for (int i = 0; i < e.targets().size(); i++) {
            CongressTarget t = e.targets().get(i);
            BatchWrites.update(jdbc, """
                    insert into rating_target (organization_id, term, seq, label, subject, level, or_better,
                                               comparison, percent, set_on, last_position)
                    values (:org, :term, :seq, :label, :subject, :level, :orBetter, :comparison, :percent, :on,
                            :position)""",
                    new MapSqlParameterSource(key.getValues()).addValue("seq", i).addValue("label", t.label())
                            .addValue("subject", t.subject().name()).addValue("level", t.level().name())
                            .addValue("orBetter", t.orBetter()).addValue("comparison", t.comparison().name())
                            .addValue("percent", t.percent()).addValue("on", e.setOn(), Types.DATE)
                            .addValue("position", position));
        }
        advance(position);
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("truncate table rating_round, rating_entry, rating_outcome, rating_evidence, "
                + "rating_evidence_task, rating_target");
        jdbc.update("delete from projection_position where projection = :projection",
                new MapSqlParameterSource("projection", NAME));
    }

    @QueryHandler
    RatingDistribution handle(FindRatingDistribution query) {
        return queries.distribution(query);
    }

    @QueryHandler
    TargetCompliance handle(FindTargetCompliance query) {
        return queries.compliance(query);
    }

    @QueryHandler
    RatingRoundView handle(FindRatingRound query) {
        return queries.round(query);
    }

    @QueryHandler
    MemberRatings handle(FindMemberRatings query) {
        return queries.history(query);
    }

    private void decided(String ratingId, String level, Integer score, String decisionNo, LocalDate on,
                         Authority override, List<RuleOutcome> outcomes, MemberYearEvidence evidence,
                         TrackingToken token) {
        long position = ProjectionPositions.of(token);
        // One round trip: a decision replaces the outcomes and evidence of the one before (after a reopening).
        BatchWrites.update(jdbc, """
                with outcomes as (delete from rating_outcome where rating_id = :ratingId),
                     tasks as (delete from rating_evidence_task where rating_id = :ratingId),
                     evidence as (delete from rating_evidence where rating_id = :ratingId)
                update rating_entry
                   set level = :level, score = :score, decision_no = :decisionNo, decided_on = :on,
                       override_doc_no = :docNo, override_issuer = :issuer, override_issued_on = :issuedOn,
                       reopened_for = null, last_position = greatest(last_position, :position)
                 where rating_id = :ratingId""",
                new MapSqlParameterSource("level", level).addValue("score", score, Types.INTEGER)
                        .addValue("decisionNo", decisionNo).addValue("on", on, Types.DATE)
                        .addValue("docNo", override == null ? null : override.docNo())
                        .addValue("issuer", override == null ? null : override.issuer())
                        .addValue("issuedOn", override == null ? null : override.issuedOn(), Types.DATE)
                        .addValue("ratingId", ratingId).addValue("position", position));
        advance(position);
        List<RuleOutcome> all = outcomes == null ? List.of() : outcomes;
        for (int i = 0; i < all.size(); i++) {
            RuleOutcome o = all.get(i);
            BatchWrites.update(jdbc, """
                    insert into rating_outcome (rating_id, seq, rule, severity, basis, message)
                    values (:id, :seq, :rule, :severity, :basis, :message)""",
                    new MapSqlParameterSource("id", ratingId).addValue("seq", i).addValue("rule", o.rule())
                            .addValue("severity", o.severity().name()).addValue("basis", o.basis())
                            .addValue("message", o.message()));
        }
        if (evidence == null) {
            return;
        }
        BatchWrites.update(jdbc, """
                insert into rating_evidence (rating_id, year, fully_exempt, suspended, temporarily_exempt,
                                             admitted_on, meetings_required, meetings_attended,
                                             months_without_reason, commitment)
                values (:id, :year, :exempt, :suspended, :tempExempt, :admitted, :required, :attended, :months,
                        :commitment)""",
                new MapSqlParameterSource("id", ratingId).addValue("year", evidence.year())
                        .addValue("exempt", evidence.fullyExempt()).addValue("suspended", evidence.suspended())
                        .addValue("tempExempt", evidence.temporarilyExempt())
                        .addValue("admitted", evidence.admittedOn(), Types.DATE)
                        .addValue("required", evidence.meetingsRequired())
                        .addValue("attended", evidence.meetingsAttended())
                        .addValue("months", String.join(",", evidence.monthsWithoutLegitimateReason()))
                        .addValue("commitment", evidence.commitment().name()));
        for (TaskFact t : evidence.tasks()) {
            BatchWrites.update(jdbc, """
                    insert into rating_evidence_task (rating_id, task_id, description, due_on, completed_on, status)
                    values (:id, :task, :description, :due, :completed, :status)""",
                    new MapSqlParameterSource("id", ratingId).addValue("task", t.taskId())
                            .addValue("description", t.description()).addValue("due", t.dueDate(), Types.DATE)
                            .addValue("completed", t.completedOn(), Types.DATE).addValue("status", t.status().name()));
        }
    }

    private void update(String ratingId, TrackingToken token, String set, MapSqlParameterSource params) {
        long position = ProjectionPositions.of(token);
        BatchWrites.update(jdbc, "update rating_entry set " + set + ", last_position = greatest(last_position, :position) "
                + "where rating_id = :ratingId", params.addValue("ratingId", ratingId).addValue("position", position));
        advance(position);
    }

    private void advance(long position) {
        ProjectionPositions.advance(jdbc, NAME, position);
    }
}
