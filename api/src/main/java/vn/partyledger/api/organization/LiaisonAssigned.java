package vn.partyledger.api.organization;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: a superior committee member follows the cell from {@code from}. */
public record LiaisonAssigned(String organizationId, String liaisonMemberId, String superiorOrganizationId, VisitQuota visitQuota, LocalDate from) implements OrganizationScoped {
}
