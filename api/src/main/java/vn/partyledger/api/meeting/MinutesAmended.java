package vn.partyledger.api.meeting;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the minutes were amended, approved at the later meeting {@code approvedAtMeetingId} held on {@code approvedOn}. */
public record MinutesAmended(String meetingId, String organizationId, String correctsEventId, String text,
                             String approvedAtMeetingId, LocalDate approvedOn) implements OrganizationScoped {
}
