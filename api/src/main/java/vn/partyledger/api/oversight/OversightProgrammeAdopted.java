package vn.partyledger.api.oversight;

import java.util.List;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: an annual oversight programme (themes, target organisations) was adopted. */
public record OversightProgrammeAdopted(String programmeId, String organizationId, int year, List<String> themes,
                                        List<String> targetOrganizationIds) implements OrganizationScoped {
}
