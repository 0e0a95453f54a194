package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the sending organisation issued a transfer referral. */
public record TransferIssued(String memberId, String organizationId, String toOrganizationId, String destinationName, TransferKind kind, String referralNo, LocalDate until, String purpose, LocalDate issuedOn) implements OrganizationScoped {
}
