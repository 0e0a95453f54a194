package vn.partyledger.api.organization;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.rules.RuleOutcome;

/** Result: an organisation with its officers, liaisons and own roll counts as of a date, and the
 * size standards it does not meet (O1, O2 warnings). */
public record OrganizationView(String organizationId, String name, OrganizationLevel level, CellType cellType,
                               boolean grassroots, String parentId, LocalDate establishedOn, LocalDate endedOn,
                               String endReason, String mergedInto, Integer meetingDay, Integer committeePrepDay,
                               List<Officer> officers, List<Liaison> liaisons, RollCounts counts,
                               List<RuleOutcome> warnings, Provenance provenance) {

    public record Officer(String memberId, String fullName, OfficerRole role, LocalDate from, LocalDate to) {
    }

    public record Liaison(String liaisonMemberId, String superiorOrganizationId, VisitQuota visitQuota, LocalDate from,
                          LocalDate to) {
    }
}
