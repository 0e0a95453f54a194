package vn.partyledger.command.directory;

import java.time.LocalDate;
import vn.partyledger.api.meeting.MeetingKind;

/** One meeting as the command side needs it. */
public record MeetingEntry(String meetingId, String organizationId, MeetingKind kind, LocalDate heldOn,
                           boolean correction) {
}
