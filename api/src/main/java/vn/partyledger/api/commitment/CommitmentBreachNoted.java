package vn.partyledger.api.commitment;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: a breach of the pledge was noted (at meeting {@code meetingId} when given). */
public record CommitmentBreachNoted(String commitmentId, String organizationId, String memberId, int year,
                                    String meetingId, String description, LocalDate notedOn)
        implements OrganizationScoped {
}
