package vn.partyledger.api.oversight;

import java.util.List;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the case is concluded. */
public record CaseConcluded(String caseId, String organizationId, String conclusion, List<String> recommendations)
        implements OrganizationScoped {
}
