package vn.partyledger.query.rating;

import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.rating.MemberYearEvidence;
import vn.partyledger.api.rules.rating.TaskFact;
import vn.partyledger.query.BatchWrites;

/**
 * The one writer of a rating's decision rows, for a decision, a redecision and a correction alike: the level, score,
 * number, quota override and rule outcomes as a row of its own keyed by the event's global position, with its business
 * date and the instant the ledger learnt it, and the evidence where the event carries it as the decision's. Nothing is
 * overwritten: the reads take the latest row dated and recorded by the instants asked about. Statements join the
 * batch's queue (BatchWrites), so a correction is written after the decision it corrects in one batch too; each is
 * keyed by the event, so a redelivered event writes nothing twice.
 */
final class RatingDecisions {

    /** What recorded the row: a decision, a redecision after a reopening, or a correction of the recording. */
    enum Kind { DECIDED, REDECIDED, CORRECTED }

    /** One decision row as the event states it; {@code evidence} null where the event leaves it to the decision. */
    record Decision(String ratingId, Kind kind, String level, Integer score, String decisionNo, LocalDate decidedOn,
                    Authority override, String correctsEventId, List<RuleOutcome> outcomes,
                    MemberYearEvidence evidence) {
    }

    private RatingDecisions() {
    }

    static void write(NamedParameterJdbcTemplate jdbc, Decision d, long position, OffsetDateTime recordedAt) {
        Authority override = d.override();
        BatchWrites.update(jdbc, """
                insert into rating_decision (rating_id, position, kind, level, score, decision_no, decided_on,
                                             override_doc_no, override_issuer, override_issued_on,
                                             corrects_event_id, recorded_at, last_position)
                values (:ratingId, :position, :kind, :level, :score, :decisionNo, :on, :docNo, :issuer, :issuedOn,
                        :corrects, :recordedAt, :position)
                on conflict (rating_id, position) do nothing""",
                new MapSqlParameterSource("ratingId", d.ratingId()).addValue("position", position)
                        .addValue("kind", d.kind().name()).addValue("level", d.level())
                        .addValue("score", d.score(), Types.INTEGER).addValue("decisionNo", d.decisionNo())
                        .addValue("on", d.decidedOn(), Types.DATE)
                        .addValue("docNo", override == null ? null : override.docNo())
                        .addValue("issuer", override == null ? null : override.issuer())
                        .addValue("issuedOn", override == null ? null : override.issuedOn(), Types.DATE)
                        .addValue("corrects", d.correctsEventId())
                        .addValue("recordedAt", recordedAt, Types.TIMESTAMP_WITH_TIMEZONE));
        List<RuleOutcome> outcomes = d.outcomes() == null ? List.of() : d.outcomes();
        BatchWrites.update(jdbc, """
                insert into rating_outcome (rating_id, position, seq, rule, severity, basis, message)
                values (:id, :position, :seq, :rule, :severity, :basis, :message)
                on conflict (rating_id, position, seq) do nothing""",
                IntStream.range(0, outcomes.size()).mapToObj(i -> new MapSqlParameterSource("id", d.ratingId())
                        .addValue("position", position).addValue("seq", i).addValue("rule", outcomes.get(i).rule())
                        .addValue("severity", outcomes.get(i).severity().name())
                        .addValue("basis", outcomes.get(i).basis()).addValue("message", outcomes.get(i).message()))
                        .toArray(MapSqlParameterSource[]::new));
        MemberYearEvidence evidence = d.evidence();
        if (evidence == null) {
            return;
        }
        BatchWrites.update(jdbc, """
                insert into rating_evidence (rating_id, position, year, fully_exempt, suspended, temporarily_exempt,
                                             admitted_on, meetings_required, meetings_attended,
                                             months_without_reason, commitment)
                values (:id, :position, :year, :exempt, :suspended, :tempExempt, :admitted, :required, :attended,
                        :months, :commitment)
                on conflict (rating_id, position) do nothing""",
                new MapSqlParameterSource("id", d.ratingId()).addValue("position", position)
                        .addValue("year", evidence.year())
                        .addValue("exempt", evidence.fullyExempt()).addValue("suspended", evidence.suspended())
                        .addValue("tempExempt", evidence.temporarilyExempt())
                        .addValue("admitted", evidence.admittedOn(), Types.DATE)
                        .addValue("required", evidence.meetingsRequired())
                        .addValue("attended", evidence.meetingsAttended())
                        .addValue("months", String.join(",", evidence.monthsWithoutLegitimateReason()))
                        .addValue("commitment", evidence.commitment().name()));
        List<TaskFact> tasks = evidence.tasks();
        BatchWrites.update(jdbc, """
                insert into rating_evidence_task (rating_id, position, task_id, description, due_on, completed_on,
                                                  status)
                values (:id, :position, :task, :description, :due, :completed, :status)
                on conflict (rating_id, position, task_id) do nothing""",
                tasks.stream().map(t -> new MapSqlParameterSource("id", d.ratingId()).addValue("position", position)
                        .addValue("task", t.taskId()).addValue("description", t.description())
                        .addValue("due", t.dueDate(), Types.DATE).addValue("completed", t.completedOn(), Types.DATE)
                        .addValue("status", t.status().name())).toArray(MapSqlParameterSource[]::new));
    }

    /** The envelope's recordedAt; events from before the envelope had it carry none. */
    static OffsetDateTime instant(String recordedAt) {
        return recordedAt == null ? null : OffsetDateTime.parse(recordedAt);
    }
}
