package vn.partyledger.api.oversight;

import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: an oversight case was opened; it belongs to the record of the commission's organisation. */
public record OversightCaseOpened(String caseId, String organizationId, OversightKind kind,
                                  String subjectOrganizationId, String subjectMemberId, String theme,
                                  String programmeId) implements OrganizationScoped {
}
