package vn.partyledger.api.rules.rating;

import java.time.LocalDate;
import java.util.List;

/**
 * What the ledger itself knows about a member's year, judged when a rating is decided so that no rater has to look it
 * up by hand: standing on the year's last day (or the decision date), admission date, meetings required and attended,
 * months with an absence without a legitimate reason (P12), tasks due in the year (T4), and the year's commitment.
 */
public record MemberYearEvidence(int year, boolean fullyExempt, boolean suspended, boolean temporarilyExempt,
                                 LocalDate admittedOn, int meetingsRequired, int meetingsAttended,
                                 List<String> monthsWithoutLegitimateReason, List<TaskFact> tasks,
                                 CommitmentStatus commitment) {

    public enum CommitmentStatus { NOT_SUBMITTED, SUBMITTED, SELF_ASSESSED_FULFILLED, SELF_ASSESSED_NOT_FULFILLED }

    public long tasksWith(TaskFact.Status status) {
        return tasks.stream().filter(t -> t.status() == status).count();
    }
}
