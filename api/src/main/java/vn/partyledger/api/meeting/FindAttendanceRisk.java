package vn.partyledger.api.meeting;

import java.time.Instant;

/**
 * Query: members with absences without legitimate reason in a year, and the P12 roll-removal flag. {@code knownAt}: as
 * the ledger stood at that instant; null = now. {@code flaggedOnly}: only members whose flag is set. A province has
 * about a hundred thousand members with some absence in a year, so the answer comes in pages.
 */
public record FindAttendanceRisk(String organizationId, int year, Instant knownAt, boolean flaggedOnly, int page,
                                 int size) {

    /** Every member with an absence, on one page. */
    public FindAttendanceRisk(String organizationId, int year, Instant knownAt) {
        this(organizationId, year, knownAt, false, 0, Integer.MAX_VALUE);
    }

    public FindAttendanceRisk(String organizationId, int year) {
        this(organizationId, year, null);
    }
}
