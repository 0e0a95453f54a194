package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the member attends the receiving organisation from {@code receivedOn}; an official transfer moves the member to its roll. */
public record TransferReceived(String memberId, String organizationId, String fromOrganizationId, TransferKind kind, LocalDate receivedOn) implements OrganizationScoped {
}
