package vn.partyledger.api.oversight;

import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: remedy number {@code remedyNo} was verified as carried out. */
public record RemedyVerified(String caseId, String organizationId, int remedyNo, String note)
        implements OrganizationScoped {
}
