package vn.partyledger.api.meeting;

import vn.partyledger.api.envelope.OrganizationScoped;
import vn.partyledger.api.rules.RuleOutcome;

/** Fact: a resolution passed; {@code outcome} names the validity rule it passed under (M6 or P4). */
public record ResolutionAdopted(String meetingId, String organizationId, int number, ResolutionSubject subject,
                                String text, int votesFor, int votesAgainst, int abstentions, int eligible,
                                RuleOutcome outcome) implements OrganizationScoped {
}
