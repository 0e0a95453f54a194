package vn.partyledger.api.organization;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/**
 * Fact: the organisation's establishment as recorded by event {@code correctsEventId} is corrected. Carries the name,
 * cell type (null unless a cell) and establishment date as they stand after the correction, so every reader replaces
 * them without folding earlier corrections.
 */
public record OrganizationFactsCorrected(String organizationId, String name, CellType cellType,
                                         LocalDate establishedOn, String correctsEventId)
        implements OrganizationScoped {
}
