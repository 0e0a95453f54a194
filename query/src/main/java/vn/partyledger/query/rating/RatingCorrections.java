package vn.partyledger.query.rating;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.envelope.Envelope;
import vn.partyledger.api.rating.RatingDecisionCorrected;
import vn.partyledger.query.ProjectionPositions;

/**
 * A corrected rating decision (docs/decisions/0011) is a decision row of its own, recorded when the correction was:
 * reads known at an instant after it take its level, score, number and rule outcomes, so the distribution and the
 * member's ratings re-judge the rating, and reads known at an instant before it take the decision as first recorded.
 * Part of the ratings read model (same processing group: replayed and reset with it, its tables emptied by the
 * projection's reset), in a class of its own; it writes through the decision rows' one writer
 * ({@link RatingDecisions}), whose statements join the batch's queue. The evidence stays the decision's: the
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
    void on(RatingDecisionCorrected e, TrackingToken token, @MetaDataValue(Envelope.RECORDED_AT) String recordedAt) {
        long position = ProjectionPositions.of(token);
        RatingDecisions.write(jdbc, new RatingDecisions.Decision(e.ratingId(), RatingDecisions.Kind.CORRECTED,
                e.level().name(), e.score(), e.decisionNo(), e.decidedOn(), e.quotaOverride(), e.correctsEventId(),
                e.outcomes(), null), position, RatingDecisions.instant(recordedAt));
        ProjectionPositions.advance(jdbc, RatingProjection.NAME, position);
    }
}
