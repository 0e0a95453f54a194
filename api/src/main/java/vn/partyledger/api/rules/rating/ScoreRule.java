package vn.partyledger.api.rules.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.partyledger.api.rules.RuleOutcome;

/**
 * R5 (QĐ 366/2025): the 100-point frame, {@code generalMax} points for general criteria plus {@code taskMax} for task
 * results, with the lowest score of each level, and the task condition: GOOD or better needs every task of the year
 * done on time, COMPLETED needs every task done. A decided level that the score or the ledger's own task facts
 * contradict is accepted with a named warning listing those facts; it is the deciding body's call, not the ledger's.
 */
public record ScoreRule(int generalMax, int taskMax, int excellentFrom, int goodFrom, int completedFrom, String basis) {

    public static final String RULE = "R5";

    public int max() {
        return generalMax + taskMax;
    }

    /** The level the score alone reaches. */
    public RatingLevel levelOf(int score) {
        if (score >= excellentFrom) {
            return RatingLevel.EXCELLENT;
        }
        if (score >= goodFrom) {
            return RatingLevel.GOOD;
        }
        if (score >= completedFrom) {
            return RatingLevel.COMPLETED;
        }
        return RatingLevel.NOT_COMPLETED;
    }

    /** Warnings for a level that the score or the year's tasks contradict; empty when nothing does. */
    public List<RuleOutcome> contradictions(RatingLevel level, Integer score, MemberYearEvidence evidence) {
        List<RuleOutcome> warnings = new ArrayList<>();
        if (score != null && !levelOf(score).atLeast(level)) {
            warnings.add(RuleOutcome.warning(RULE, basis, level + " needs at least " + lowest(level)
                    + " points; the score is " + score));
        }
        if (evidence == null) {
            return warnings;
        }
        if (level.atLeast(RatingLevel.GOOD)) {
            List<TaskFact> notOnTime = evidence.tasks().stream()
                    .filter(t -> t.status() == TaskFact.Status.LATE || t.status() == TaskFact.Status.OVERDUE).toList();
            if (!notOnTime.isEmpty()) {
                warnings.add(RuleOutcome.warning(RULE, basis, level + " needs every task done on time; "
                        + describe(notOnTime)));
            }
        } else if (level == RatingLevel.COMPLETED) {
            List<TaskFact> undone = evidence.tasks().stream()
                    .filter(t -> t.status() == TaskFact.Status.OVERDUE).toList();
            if (!undone.isEmpty()) {
                warnings.add(RuleOutcome.warning(RULE, basis, "COMPLETED needs every task done; " + describe(undone)));
            }
        }
        return warnings;
    }

    private int lowest(RatingLevel level) {
        return switch (level) {
            case EXCELLENT -> excellentFrom;
            case GOOD -> goodFrom;
            case COMPLETED -> completedFrom;
            default -> 0;
        };
    }

    private static String describe(List<TaskFact> tasks) {
        return tasks.stream().map(t -> "task " + t.taskId() + " \"" + t.description() + "\" due " + t.dueDate() + " "
                        + (t.status() == TaskFact.Status.LATE ? "done late on " + t.completedOn() : "overdue"))
                .collect(Collectors.joining("; "));
    }
}
