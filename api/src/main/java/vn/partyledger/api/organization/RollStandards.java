package vn.partyledger.api.organization;

import static vn.partyledger.api.rules.regime.Regimes.CHARTER_2011;
import static vn.partyledger.api.rules.regime.Regimes.HD_01_2021;
import static vn.partyledger.api.rules.regime.Regimes.QD_24_2021;
import static vn.partyledger.api.rules.regime.Regimes.QD_29_2016;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.Severity;

/**
 * Size standards an organisation's roll is judged against. They give warnings, never refusals: a cell that falls below
 * three official members, or a grassroots organisation that crosses thirty, is restructured by a decision of the
 * superior committee, not automatically (domain O1, O2).
 */
public record RollStandards(int minOfficialMembersPerCell, String cellBasis, int grassrootsCommitteeMembers,
                            String grassrootsBasis) {

    /**
     * Versions by the date they apply from; judge a roll under the version in force on the roll's date. The Charter
     * sets O1; O2's threshold comes from the regulation implementing it, so its basis follows that text (none before
     * QĐ 29-QĐ/TW: {@code grassrootsBasis} is null and O2 is shown as not in force).
     */
    public static final Effective<RollStandards> STANDARD = Effective
            .from(CHARTER_2011.inForceFrom(), new RollStandards(3, CHARTER_2011.number() + ", Điều 21", 30, null))
            .then(QD_29_2016.inForceFrom(), new RollStandards(3, CHARTER_2011.number() + ", Điều 21", 30,
                    QD_29_2016.cite() + ", tổ chức cơ sở đảng"))
            .then(QD_24_2021.inForceFrom(), new RollStandards(3, CHARTER_2011.number() + ", Điều 21", 30,
                    QD_24_2021.cite() + "; " + HD_01_2021.cite() + ", tổ chức cơ sở đảng"));

    /**
     * The outcomes under the version in force on {@code on}; before the first version, O1 (and O2 for a grassroots
     * organisation) shown as not in force instead of judged.
     */
    public static List<RuleOutcome> judgeOn(LocalDate on, OrganizationLevel level, boolean grassroots, RollCounts own,
                                            RollCounts subtree) {
        return STANDARD.find(on).map(s -> s.judge(level, grassroots, own, subtree)).orElseGet(() -> {
            List<RuleOutcome> none = new ArrayList<>();
            none.add(RuleOutcome.notInForce("O1", on, STANDARD.firstFrom()));
            if (grassroots) {
                none.add(RuleOutcome.notInForce("O2", on, STANDARD.firstFrom()));
            }
            return none;
        });
    }

    /**
     * Outcomes of severity WARNING for an active organisation with these counts (empty when it meets the standards);
     * NOT_IN_FORCE for O2 on a date before its first version.
     */
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
        if (grassrootsBasis == null) {
            warnings.add(new RuleOutcome("O2", Severity.NOT_IN_FORCE, null, "no rule in force: the first version this "
                    + "ledger holds applies from " + QD_29_2016.inForceFrom() + "; not judged"));
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
