package vn.partyledger.command.organization;

import static vn.partyledger.api.organization.OfficerRole.CELL_COMMITTEE_MEMBER;
import static vn.partyledger.api.organization.OfficerRole.COMMITTEE_MEMBER;
import static vn.partyledger.api.organization.OfficerRole.DEPUTY_SECRETARY;
import static vn.partyledger.api.organization.OfficerRole.GROUP_DEPUTY;
import static vn.partyledger.api.organization.OfficerRole.GROUP_LEADER;
import static vn.partyledger.api.organization.OfficerRole.SECRETARY;
import static vn.partyledger.api.organization.OfficerRole.STANDING_DEPUTY;
import static vn.partyledger.api.organization.OrganizationLevel.CELL;
import static vn.partyledger.api.organization.OrganizationLevel.COMMUNE;
import static vn.partyledger.api.organization.OrganizationLevel.DISTRICT;
import static vn.partyledger.api.organization.OrganizationLevel.GRASSROOTS;
import static vn.partyledger.api.organization.OrganizationLevel.PARTY_GROUP;
import static vn.partyledger.api.organization.OrganizationLevel.PROVINCE;
import static vn.partyledger.api.organization.OrganizationLevel.SUB_COMMITTEE;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.organization.OfficerRole;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.api.rules.regime.Regimes;

/**
 * The Party regulations an {@link Organization} decides by. Each part is versioned by the date it applies from and is
 * looked up at the fact's business date, so a 2019 fact replays under 2019 rules.
 */
final class OrganizationPolicy {

    /**
     * The XI Congress adopted the 2011 Charter. The ledger takes over organisations founded long before it (the paper
     * records of Na Tông start in 2004), so the tree's rules declare that their first version reaches back to earlier
     * facts ({@link Effective#reachingBack}) instead of refusing them.
     */
    static final LocalDate CHARTER_2011 = Regimes.CHARTER_2011.inForceFrom();
    /** Two-tier local government: district party committees ended. */
    static final LocalDate TWO_TIER_LOCAL_GOVERNMENT = Regimes.NQ_60_2025.inForceFrom();

    private final Effective<Hierarchy> hierarchy;
    private final Effective<OfficerRules> officers;
    private final Effective<LiaisonRules> liaisons;

    OrganizationPolicy(Effective<Hierarchy> hierarchy, Effective<OfficerRules> officers,
                       Effective<LiaisonRules> liaisons) {
        this.hierarchy = hierarchy;
        this.officers = officers;
        this.liaisons = liaisons;
    }

    Hierarchy hierarchy(LocalDate on) {
        return hierarchy.at(on);
    }

    OfficerRules officers(LocalDate on) {
        return officers.at(on);
    }

    LiaisonRules liaisons(LocalDate on) {
        return liaisons.at(on);
    }

    static OrganizationPolicy standard() {
        return new OrganizationPolicy(standardHierarchy(), Effective.reachingBack(CHARTER_2011, standardOfficers()),
                Effective.reachingBack(CHARTER_2011, standardLiaisons()));
    }

    static Effective<Hierarchy> standardHierarchy() {
        Hierarchy charter = new Hierarchy(
                new Regulation("O7", "Điều lệ Đảng 2011, Điều 11, Điều 21"),
                Map.of(DISTRICT, Set.of(PROVINCE),
                        COMMUNE, Set.of(PROVINCE, DISTRICT),
                        GRASSROOTS, Set.of(PROVINCE, DISTRICT, COMMUNE),
                        SUB_COMMITTEE, Set.of(GRASSROOTS, COMMUNE),
                        CELL, Set.of(COMMUNE, GRASSROOTS, SUB_COMMITTEE, DISTRICT, PROVINCE),
                        PARTY_GROUP, Set.of(CELL)),
                Map.of(),
                Set.of(CELL),
                Set.of(COMMUNE, GRASSROOTS),
                Set.of(COMMUNE, GRASSROOTS, CELL),
                Map.of(CELL, Set.of(PROVINCE, DISTRICT)),
                new Regulation("O6", "Điều lệ Đảng 2011, Điều 11"));
        Hierarchy twoTier = charter.withLevelEnded(DISTRICT, new Regulation("O7",
                Regimes.NQ_60_2025.cite() + ": chính quyền địa phương 2 cấp từ 01/07/2025"));
        return Effective.reachingBack(CHARTER_2011, charter).then(TWO_TIER_LOCAL_GOVERNMENT, twoTier);
    }

    static OfficerRules standardOfficers() {
        Set<OfficerRole> committee =
                Set.of(SECRETARY, DEPUTY_SECRETARY, STANDING_DEPUTY, COMMITTEE_MEMBER);
        return new OfficerRules(
                new Regulation("O3", "HD 01-HD/TW (28/9/2021) thi hành Điều lệ Đảng; Điều lệ Đảng 2011, Điều 24"),
                new Regulation("P7", "Điều lệ Đảng 2011, Điều 5"),
                Set.of(MemberStatus.OFFICIAL),
                Map.of(PROVINCE, committee,
                        DISTRICT, committee,
                        COMMUNE, committee,
                        GRASSROOTS, committee,
                        SUB_COMMITTEE, Set.of(SECRETARY, DEPUTY_SECRETARY, COMMITTEE_MEMBER),
                        CELL, Set.of(SECRETARY, DEPUTY_SECRETARY, CELL_COMMITTEE_MEMBER),
                        PARTY_GROUP, Set.of(GROUP_LEADER, GROUP_DEPUTY)),
                Set.of(SECRETARY, GROUP_LEADER),
                Set.of(PARTY_GROUP),
                new OfficerRules.CellCommittee(CELL, 9, 7, CELL_COMMITTEE_MEMBER,
                        Set.of(SECRETARY, DEPUTY_SECRETARY, CELL_COMMITTEE_MEMBER), DEPUTY_SECRETARY, 1));
    }

    static LiaisonRules standardLiaisons() {
        // No central text was found for liaison assignments; each superior committee's working rules (quy chế làm
        // việc) assign them, which is the basis a refusal names until a central source is confirmed.
        return new LiaisonRules(new Regulation("O8",
                "Quy chế làm việc của cấp ủy cấp trên: phân công cấp ủy viên phụ trách tổ chức đảng cấp dưới"),
                Set.of(MemberStatus.OFFICIAL));
    }
}
