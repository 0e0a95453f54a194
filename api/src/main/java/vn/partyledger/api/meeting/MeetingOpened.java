package vn.partyledger.api.meeting;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the meeting opened on {@code heldOn} and announced the roll as it stood that day (M4). */
public record MeetingOpened(String meetingId, String organizationId, LocalDate heldOn, String chairMemberId,
                            String minutesSecretaryMemberId, RollSnapshot roll) implements OrganizationScoped {
}
