package vn.partyledger.api.meeting;

import java.time.Instant;

/**
 * Query: members with absences without legitimate reason in a year, and the P12 roll-removal flag. {@code knownAt}: as
 * the ledger stood at that instant; null = now.
 */
public record FindAttendanceRisk(String organizationId, int year, Instant knownAt) {

    public FindAttendanceRisk(String organizationId, int year) {
        this(organizationId, year, null);
    }
}
