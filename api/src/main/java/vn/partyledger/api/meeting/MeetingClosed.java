package vn.partyledger.api.meeting;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.envelope.OrganizationScoped;
import vn.partyledger.api.rules.RuleOutcome;

/**
 * Fact: the meeting closed after {@code durationMinutes}. Carries the attendance totals (attended = present, late or
 * left early; required per M8) and the outcomes of the per-meeting rules under the rules in force on {@code heldOn}.
 */
public record MeetingClosed(String meetingId, String organizationId, MeetingKind kind, LocalDate heldOn,
                            int durationMinutes, int attended, int requiredToAttend, int absentWithoutReason,
                            List<RuleOutcome> outcomes) implements OrganizationScoped {
}
