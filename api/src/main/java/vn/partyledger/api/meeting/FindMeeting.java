package vn.partyledger.api.meeting;

import java.time.Instant;

/** Query: one meeting as its minutes stand ({@code knownAt}: as the ledger stood at that instant; null = now). */
public record FindMeeting(String meetingId, Instant knownAt) {

    public FindMeeting(String meetingId) {
        this(meetingId, null);
    }
}
