package vn.partyledger.command.directory;

import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.OrganizationLevel;

/** One organisation as the command side needs it. */
public record OrganizationEntry(String organizationId, OrganizationLevel level, CellType cellType, String parentId,
                                boolean grassroots, boolean active) {
}
