package vn.partyledger.api.rating;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the organisation's rating targets for {@code term}; a later one replaces them. */
public record CongressTargetsSet(String targetsId, String organizationId, String term, List<CongressTarget> targets,
                                 LocalDate setOn) implements OrganizationScoped {
}
