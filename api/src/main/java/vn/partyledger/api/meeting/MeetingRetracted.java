package vn.partyledger.api.meeting;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the meeting of {@code heldOn} is retracted from the cell's record; {@code correctsEventId} recorded it. */
public record MeetingRetracted(String meetingId, String organizationId, LocalDate heldOn, String correctsEventId)
        implements OrganizationScoped {
}
