package vn.partyledger.api.meeting;

import java.util.List;
import vn.partyledger.api.organization.VisitQuota;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.rules.RuleOutcome;

/**
 * Result: liaison visits per quarter of the year against each liaison's quota, and how many cells of the subtree had a
 * superior visit at all ({@code visitedPercent} truncated to two decimals).
 */
public record LiaisonVisits(String organizationId, int year, int cells, int cellsVisited, String visitedPercent,
                            int overdueLiaisons, List<Liaison> liaisons, Provenance provenance) {

    public record Liaison(String cellId, String liaisonMemberId, String superiorOrganizationId, VisitQuota quota,
                          List<Integer> visitsPerQuarter, int visitsInYear, List<Integer> overdueQuarters,
                          boolean overdue, RuleOutcome outcome) {
    }
}
