package vn.partyledger.api.meeting;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: one member's attendance. {@code reasonAccepted} is null when the member attended or gave no reason. */
public record AttendanceRecorded(String meetingId, String organizationId, LocalDate heldOn, String memberId,
                                 AttendanceStatus status, String reason, Boolean reasonAccepted)
        implements OrganizationScoped {
}
