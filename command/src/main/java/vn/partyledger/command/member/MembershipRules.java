package vn.partyledger.command.member;

import static vn.partyledger.api.rules.regime.Regimes.CHARTER_2011;
import static vn.partyledger.api.rules.regime.Regimes.HD_01_2021;
import static vn.partyledger.api.rules.regime.Regimes.HD_27_2009;
import static vn.partyledger.api.rules.regime.Regimes.QD_24_2021;
import static vn.partyledger.api.rules.regime.Regimes.QD_29_2016;

import java.time.LocalDate;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.NoVersionInForceException;
import vn.partyledger.api.rules.calendar.Probation;
import vn.partyledger.api.rules.regime.Regimes;
import vn.partyledger.api.rules.regime.Text;
import vn.partyledger.api.rules.roll.RollRemoval;
import vn.partyledger.api.rules.vote.Votes;
import vn.partyledger.command.member.MembershipPolicy.AdmissionAge;
import vn.partyledger.command.member.MembershipPolicy.AwarenessCourse;
import vn.partyledger.command.member.MembershipPolicy.CellApproval;
import vn.partyledger.command.member.MembershipPolicy.Education;
import vn.partyledger.command.member.MembershipPolicy.Introducers;
import vn.partyledger.command.member.MembershipPolicy.Rule;
import vn.partyledger.command.member.MembershipPolicy.TemporaryExemption;
import vn.partyledger.command.member.MembershipPolicy.Transfers;
import vn.partyledger.command.member.MembershipPolicy.WorkingAge;

/**
 * The versions of {@link MembershipPolicy} by effective date. A handler parameter rather than a constant, so that a
 * province's own thresholds or a new regulation are configuration.
 */
final class MembershipRules {

    private final Effective<MembershipPolicy> versions;

    MembershipRules(Effective<MembershipPolicy> versions) {
        this.versions = versions;
    }

    /**
     * The version in force on the fact's business date, not on the day it is recorded or replayed.
     *
     * @throws NoVersionInForceException before the first version
     */
    MembershipPolicy at(LocalDate occurredOn) {
        return versions.at(occurredOn);
    }

    /** As {@link #at}, a fact older than every version refused naming the {@code rule} it would be judged by. */
    MembershipPolicy at(LocalDate occurredOn, String rule, String field) {
        try {
            return versions.at(occurredOn);
        } catch (NoVersionInForceException e) {
            throw LedgerRefusalException.noVersionInForce(rule, field, e);
        }
    }

    /**
     * The rules under QĐ 29-QĐ/TW (25/7/2016), then QĐ 24-QĐ/TW (30/7/2021) with HD 01-HD/TW (28/9/2021); the
     * thresholds did not change between them as far as the sources we have show, the texts a refusal cites did. P4, P5
     * and P12 come from the shared rules, so the meeting's P4 and the query side's P5 and P12 use the same versions.
     * Facts before QĐ 29 have no version here.
     */
    static MembershipRules standard() {
        return new MembershipRules(Effective.assembled(MembershipRules::standardOn, Regimes.CHARTER_IMPLEMENTATION,
                Votes.PERSONNEL_APPROVAL, Probation.VERSIONS, RollRemoval.VERSIONS));
    }

    private static MembershipPolicy standardOn(LocalDate d) {
        Text text = Regimes.CHARTER_IMPLEMENTATION.at(d);
        boolean qd24 = text.equals(QD_24_2021);
        String charter = CHARTER_2011.number();
        // Under QĐ 24 its guidance HD 01-HD/TW (2021) details the course, transfers and temporary exemptions.
        String guidance = qd24 ? HD_01_2021.cite() : QD_29_2016.cite();
        Votes.Threshold p4 = Votes.PERSONNEL_APPROVAL.at(d);
        Probation p5 = Probation.VERSIONS.at(d);
        return new MembershipPolicy(
                new AdmissionAge(new Rule("P1", charter + ", Điều 1; " + text.cite() + (qd24 ? " §3" : " §1.1")),
                        18, 60),
                new Education(new Rule("P2", text.cite() + (qd24 ? " §3.2" : " §1.2")),
                        EducationLevel.LOWER_SECONDARY, EducationLevel.PRIMARY),
                new AwarenessCourse(new Rule("ADM-COURSE", charter + ", Điều 4; " + guidance)),
                new Introducers(new Rule("P3", charter + ", Điều 4"), 2, 12),
                new CellApproval(Rule.of(p4.rule()), p4.share()),
                new MembershipPolicy.Probation(Rule.of(p5.rule()), p5),
                new Transfers(new Rule("P9", guidance + ", chuyển sinh hoạt đảng"), 3, 12, "STUDY", 24),
                new WorkingAge(new Rule("P10", HD_27_2009.cite() + ", miễn công tác và sinh hoạt đảng"), 60, 55),
                new TemporaryExemption(new Rule("P11", guidance + ", tạm miễn sinh hoạt"), 12),
                new MembershipPolicy.RollRemoval(Rule.of(RollRemoval.VERSIONS.at(d).rule())));
    }
}
