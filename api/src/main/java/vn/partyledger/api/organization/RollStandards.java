package vn.partyledger.api.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.api.rules.RuleOutcome;

/**
 * Size standards an organisation's roll is judged against. They give warnings, never refusals: a cell that falls below
 * three official members, or a grassroots organisation that crosses thirty, is restructured by a decision of the
 * superior committee, not automatically (domain O1, O2).
 */
public record RollStandards(int minOfficialMembersPerCell, String cellBasis, int grassrootsCommitteeMembers,
                            String grassrootsBasis) {

    /** Versions by the date they apply from; judge a roll under the version in force on the roll's date. */
    public static final Effective<RollStandards> STANDARD = Effective.from(LocalDate.of(2011, 1, 19),
            new RollStandards(3, "Điều lệ Đảng 2011, Điều 21",
                    30, "QĐ 24-QĐ/TW (30/7/2021); HD 01-HD/TW (28/9/2021), tổ chức cơ sở đảng"));

    /** Outcomes of severity WARNING for an active organisation with these counts (empty when it meets the standards). */
    public List<RuleOutcome> judge(OrganizationLevel level, boolean grassroots, RollCounts own, RollCounts subtree) {
        List<RuleOutcome> warnings = new ArrayList<>();
        if (level == OrganizationLevel.CELL && own.official() < minOfficialMembersPerCell) {
            warnings.add(RuleOutcome.warning("O1", cellBasis, "the cell has " + own.official()
                    + " official members; a cell needs at least " + minOfficialMembersPerCell
                    + " (its members should attach to another organisation)"));
        }
        if (!grassroots) {
            return warnings;
        }
        int members = subtree.onRoll();
        if (level == OrganizationLevel.CELL && members >= grassrootsCommitteeMembers) {
            warnings.add(RuleOutcome.warning("O2", grassrootsBasis, "the grassroots cell has " + members
                    + " members; from " + grassrootsCommitteeMembers + " it should become a đảng bộ cơ sở"));
        } else if ((level == OrganizationLevel.COMMUNE || level == OrganizationLevel.GRASSROOTS)
                && members < grassrootsCommitteeMembers) {
            warnings.add(RuleOutcome.warning("O2", grassrootsBasis, "the đảng bộ cơ sở has " + members
                    + " members; under " + grassrootsCommitteeMembers + " it would be a chi bộ cơ sở"));
        }
        return warnings;
    }
}
