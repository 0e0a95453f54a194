package vn.partyledger.api.organization;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: an organisation was established under {@code parentId} (null for a province). */
public record OrganizationEstablished(String organizationId, OrganizationLevel level, CellType cellType, String parentId, String name, boolean grassroots, LocalDate establishedOn) implements OrganizationScoped {
}
