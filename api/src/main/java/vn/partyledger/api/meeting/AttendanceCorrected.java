package vn.partyledger.api.meeting;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/**
 * Fact: the attendance recorded by event {@code correctsEventId} is replaced by this status and reason. Carries the
 * meeting's attendance figures as they stand after the correction, so every reader re-judges them without refolding.
 */
public record AttendanceCorrected(String meetingId, String organizationId, LocalDate heldOn, String memberId,
                                  AttendanceStatus status, String reason, Boolean reasonAccepted,
                                  String correctsEventId, int attended, int requiredToAttend,
                                  int absentWithoutReason) implements OrganizationScoped {
}
