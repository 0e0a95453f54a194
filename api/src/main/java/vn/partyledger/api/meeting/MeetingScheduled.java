package vn.partyledger.api.meeting;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: a meeting of the cell is scheduled for {@code heldOn}. */
public record MeetingScheduled(String meetingId, String organizationId, MeetingKind kind, LocalDate heldOn,
                               List<String> agenda, boolean correction, LocalDate scheduledOn)
        implements OrganizationScoped {
}
