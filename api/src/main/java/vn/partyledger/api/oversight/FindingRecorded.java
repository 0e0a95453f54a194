package vn.partyledger.api.oversight;

import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: finding number {@code findingNo} of the case. */
public record FindingRecorded(String caseId, String organizationId, int findingNo, String text)
        implements OrganizationScoped {
}
