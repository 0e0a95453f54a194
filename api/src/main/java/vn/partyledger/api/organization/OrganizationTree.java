package vn.partyledger.api.organization;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.rules.RuleOutcome;

/** Result: organisation tree as it stood on {@code asOf}. Ended nodes appear only before their end date. */
public record OrganizationTree(LocalDate asOf, List<Node> roots, Provenance provenance) {

    public record Node(String organizationId, String name, OrganizationLevel level, CellType cellType, boolean grassroots,
                       LocalDate establishedOn, LocalDate endedOn, RollCounts counts, RollCounts subtreeCounts,
                       List<RuleOutcome> warnings, List<Node> children) {
    }
}
