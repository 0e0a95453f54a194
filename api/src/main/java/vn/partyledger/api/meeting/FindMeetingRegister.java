package vn.partyledger.api.meeting;

import java.time.Instant;

/**
 * Query: the meeting register of a cell for a calendar year, or the roll-up over a commune's or province's cells.
 * {@code attendanceTarget} is the percentage the cell's congress resolution set (null: the rules' default).
 * {@code knownAt}: as the ledger stood at that instant (only facts and corrections recorded by then); null = now.
 */
public record FindMeetingRegister(String organizationId, int year, Integer attendanceTarget, Instant knownAt) {

    public FindMeetingRegister(String organizationId, int year, Integer attendanceTarget) {
        this(organizationId, year, attendanceTarget, null);
    }
}
