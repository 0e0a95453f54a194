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
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.NoVersionInForceException;
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

    /** An assignment older than every version of the officer rules is refused naming O3. */
    OfficerRules officers(LocalDate on) {
        try {
            return officers.at(on);
        } catch (NoVersionInForceException e) {
            throw LedgerRefusalException.noVersionInForce("O3", "occurredOn", e);
        }
    }

    LiaisonRules liaisons(LocalDate on) {
        try {
            return liaisons.at(on);
        } catch (NoVersionInForceException e) {
            throw LedgerRefusalException.noVersionInForce("O8", "occurredOn", e);
        }
    }

    static OrganizationPolicy standard() {
        // Liaisons rest on each superior committee's own working rules, which exist whenever the committee does.
        return new OrganizationPolicy(standardHierarchy(), standardOfficerVersions(),
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

    /**
     * The Charter sets the cell committee (Điều 24); from HD 01-HD/TW (28/9/2021) its guidance is cited with it. The
     * thresholds did not change between them as far as the sources we have show.
     */
    static Effective<OfficerRules> standardOfficerVersions() {
        return Effective.from(CHARTER_2011, standardOfficers(new Regulation("O3",
                        Regimes.CHARTER_2011.number() + ", Điều 24")))
                .then(Regimes.HD_01_2021.inForceFrom(), standardOfficers());
    }

    static OfficerRules standardOfficers() {
        return standardOfficers(new Regulation("O3", Regimes.HD_01_2021.cite() + " thi hành Điều lệ Đảng; "
                + Regimes.CHARTER_2011.number() + ", Điều 24"));
    }

    private static OfficerRules standardOfficers(Regulation posts) {
        Set<OfficerRole> committee =
                Set.of(SECRETARY, DEPUTY_SECRETARY, STANDING_DEPUTY, COMMITTEE_MEMBER);
        return new OfficerRules(
                posts,
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
