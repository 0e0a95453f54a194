package vn.partyledger.command.directory;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Command-side list of meetings per cell, for M1 and for approving minutes amendments at a later meeting. */
public interface MeetingDirectory {

    Optional<MeetingEntry> find(String meetingId);

    /** Meetings of the cell in the month that count as its regular meeting (REGULAR or COMBINED, not retracted). */
    List<MeetingEntry> regularMeetings(String organizationId, YearMonth month);
}
