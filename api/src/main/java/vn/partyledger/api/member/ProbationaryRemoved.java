package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the probationary member was removed from the roll. */
public record ProbationaryRemoved(String memberId, String organizationId, String decisionNo, String reason, LocalDate removedOn) implements OrganizationScoped {
}
