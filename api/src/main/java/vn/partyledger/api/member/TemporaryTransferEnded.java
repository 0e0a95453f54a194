package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the temporary transfer ended; the member attends the home organisation again. */
public record TemporaryTransferEnded(String memberId, String organizationId, String hostOrganizationId, LocalDate endedOn) implements OrganizationScoped {
}
