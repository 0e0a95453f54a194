package vn.partyledger.api.meeting;

import vn.partyledger.api.envelope.OrganizationScoped;
import vn.partyledger.api.rules.RuleOutcome;

/** Fact: a resolution was put to the vote and did not reach the majority its rule requires ({@code outcome}). */
public record ResolutionRejected(String meetingId, String organizationId, int number, ResolutionSubject subject,
                                 String text, int votesFor, int votesAgainst, int abstentions, int eligible,
                                 RuleOutcome outcome) implements OrganizationScoped {
}
