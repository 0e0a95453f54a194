package vn.partyledger.api.development;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.provenance.Provenance;

/**
 * Member development in an organisation's subtree for a year against the quota (AE9), with one row per direct child so
 * a commune sees its cells. {@code quota} is the organisation's own quota (null when none was set); {@code
 * subordinateQuotas} sums the quotas set for organisations below it.
 */
public record DevelopmentVsQuota(String organizationId, int year, LocalDate asOf, Integer quota,
                                 int subordinateQuotas, Figures figures, List<Child> children,
                                 List<Overdue> overdueRecognitions, Provenance provenance) {

    /**
     * Candidates registered, awareness courses completed, admissions (by decision date), official recognitions (by
     * decision date) in the year, and probationary members still unrecognised more than the review window after the
     * end of their probation on {@code asOf}.
     */
    public record Figures(int candidatesRegistered, int courseCompletions, int admissions, int officialRecognitions,
                          int overdueRecognitions) {
    }

    public record Child(String organizationId, String name, Integer quota, Figures figures) {
    }

    public record Overdue(String memberId, String fullName, String organizationId, LocalDate probationEndedOn,
                          long workingDaysSince) {
    }
}
