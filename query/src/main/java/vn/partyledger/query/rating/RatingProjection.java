package vn.partyledger.query.rating;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.envelope.Envelope;
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
import vn.partyledger.api.rules.rating.RatingRuleSets;
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
    /**
     * Bump when the tables or their meaning change. Version 2: steps and decisions are rows of their own with their
     * dates and recorded instants (asOf / knownAt reads); a ledger built by version 1 rebuilds.
     */
    public static final int VERSION = 2;

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
    void on(RatingOpened e, TrackingToken token, @MetaDataValue(Envelope.RECORDED_AT) String recordedAt) {
        long position = ProjectionPositions.of(token);
        BatchWrites.update(jdbc, """
                insert into rating_entry (rating_id, round_id, deciding_body_id, year, subject, subject_id,
                                          organization_id, rule_set_id, opened_on, recorded_at, last_position)
                values (:id, :round, :body, :year, :subject, :subjectId, :org, :set, :on, :recordedAt, :position)
                on conflict (rating_id) do nothing""",
                new MapSqlParameterSource("id", e.ratingId()).addValue("round", e.roundId())
                        .addValue("body", e.decidingBodyId()).addValue("year", e.year())
                        .addValue("subject", e.subject().name()).addValue("subjectId", e.subjectId())
                        .addValue("org", e.organizationId()).addValue("set", e.ruleSetId())
                        .addValue("on", e.openedOn(), Types.DATE)
                        .addValue("recordedAt", RatingDecisions.instant(recordedAt), Types.TIMESTAMP_WITH_TIMEZONE)
                        .addValue("position", position));
        advance(position);
    }

    @EventHandler
    void on(SelfReviewSubmitted e, TrackingToken token, @MetaDataValue(Envelope.RECORDED_AT) String recordedAt) {
        step(e.ratingId(), "SELF_REVIEW", e.submittedOn(), token, recordedAt,
                new MapSqlParameterSource("level", e.proposedLevel().name())
                        .addValue("general", e.score() == null ? null : e.score().general(), Types.INTEGER)
                        .addValue("tasks", e.score() == null ? null : e.score().tasks(), Types.INTEGER));
    }

    @EventHandler
    void on(CellReviewHeld e, TrackingToken token, @MetaDataValue(Envelope.RECORDED_AT) String recordedAt) {
        step(e.ratingId(), "CELL_REVIEW", e.heldOn(), token, recordedAt,
                new MapSqlParameterSource("level", e.proposedLevel().name()));
    }

    @EventHandler
    void on(ResidenceCommentReceived e, TrackingToken token, @MetaDataValue(Envelope.RECORDED_AT) String recordedAt) {
        step(e.ratingId(), "RESIDENCE_COMMENT", e.receivedOn(), token, recordedAt,
                new MapSqlParameterSource("comment", e.comment()));
    }

    @EventHandler
    void on(RatingAppraised e, TrackingToken token, @MetaDataValue(Envelope.RECORDED_AT) String recordedAt) {
        step(e.ratingId(), "APPRAISAL", e.appraisedOn(), token, recordedAt,
                new MapSqlParameterSource("level", e.proposedLevel().name()));
    }

    @EventHandler
    void on(RatingDecided e, TrackingToken token, @MetaDataValue(Envelope.RECORDED_AT) String recordedAt) {
        decided(new RatingDecisions.Decision(e.ratingId(), RatingDecisions.Kind.DECIDED, e.level().name(), e.score(),
                e.decisionNo(), e.decidedOn(), e.quotaOverride(), null, e.outcomes(), e.evidence()), token,
                recordedAt);
    }

    @EventHandler
    void on(RatingRedecided e, TrackingToken token, @MetaDataValue(Envelope.RECORDED_AT) String recordedAt) {
        decided(new RatingDecisions.Decision(e.ratingId(), RatingDecisions.Kind.REDECIDED, e.level().name(),
                e.score(), e.decisionNo(), e.decidedOn(), e.quotaOverride(), null, e.outcomes(), e.evidence()), token,
                recordedAt);
    }

    @EventHandler
    void on(RatingPublished e, TrackingToken token, @MetaDataValue(Envelope.RECORDED_AT) String recordedAt) {
        step(e.ratingId(), "PUBLICATION", e.publishedOn(), token, recordedAt, new MapSqlParameterSource());
    }

    @EventHandler
    void on(RatingReopened e, TrackingToken token, @MetaDataValue(Envelope.RECORDED_AT) String recordedAt) {
        step(e.ratingId(), "REOPENING", e.reopenedOn(), token, recordedAt,
                new MapSqlParameterSource("reason", e.reason().name()));
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
        jdbc.getJdbcTemplate().execute("truncate table rating_round, rating_entry, rating_step, rating_decision, "
                + "rating_outcome, rating_evidence, rating_evidence_task, rating_target");
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

    private void decided(RatingDecisions.Decision decision, TrackingToken token, String recordedAt) {
        long position = ProjectionPositions.of(token);
        RatingDecisions.write(jdbc, decision, position, RatingDecisions.instant(recordedAt));
        advance(position);
    }

    /**
     * A step of the rating as a row of its own (its event's position, business date and recorded instant); the
     * parameters name the step's values among level, general, tasks, comment and reason.
     */
    private void step(String ratingId, String step, LocalDate on, TrackingToken token, String recordedAt,
                      MapSqlParameterSource values) {
        long position = ProjectionPositions.of(token);
        MapSqlParameterSource p = new MapSqlParameterSource("ratingId", ratingId).addValue("position", position)
                .addValue("step", step).addValue("on", on, Types.DATE)
                .addValue("recordedAt", RatingDecisions.instant(recordedAt), Types.TIMESTAMP_WITH_TIMEZONE);
        for (String name : List.of("level", "general", "tasks", "comment", "reason")) {
            p.addValue(name, values.hasValue(name) ? values.getValue(name) : null,
                    name.equals("general") || name.equals("tasks") ? Types.INTEGER : Types.VARCHAR);
        }
        BatchWrites.update(jdbc, """
                insert into rating_step (rating_id, position, step, level, score_general, score_tasks, comment, reason,
                                         occurred_on, recorded_at, last_position)
                values (:ratingId, :position, :step, :level, :general, :tasks, :comment, :reason, :on, :recordedAt,
                        :position)
                on conflict (rating_id, position, step) do nothing""", p);
        advance(position);
    }

    private void advance(long position) {
        ProjectionPositions.advance(jdbc, NAME, position);
    }
}
