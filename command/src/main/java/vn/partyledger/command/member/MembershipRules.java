package vn.partyledger.command.member;

import java.time.LocalDate;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.command.member.MembershipPolicy.AdmissionAge;
import vn.partyledger.command.member.MembershipPolicy.AwarenessCourse;
import vn.partyledger.command.member.MembershipPolicy.CellApproval;
import vn.partyledger.command.member.MembershipPolicy.Education;
import vn.partyledger.command.member.MembershipPolicy.Introducers;
import vn.partyledger.command.member.MembershipPolicy.Probation;
import vn.partyledger.command.member.MembershipPolicy.RollRemoval;
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

    /** The version in force on the fact's business date, not on the day it is recorded or replayed. */
    MembershipPolicy at(LocalDate occurredOn) {
        return versions.at(occurredOn);
    }

    /**
     * The rules as of QĐ 24-QĐ/TW (30/7/2021) and HD 01-HD/TW (28/9/2021). Facts dated earlier are judged by this
     * version too until the QĐ 29-QĐ/TW (2016) version is entered; the thresholds did not change between them as far
     * as the sources we have show.
     */
    static MembershipRules standard() {
        return new MembershipRules(Effective.from(LocalDate.of(2021, 7, 30), new MembershipPolicy(
                new AdmissionAge(new Rule("P1", "Điều lệ Đảng 2011, Điều 1; QĐ 24-QĐ/TW (30/7/2021) §3"), 18, 60),
                new Education(new Rule("P2", "QĐ 24-QĐ/TW (30/7/2021) §3.2"),
                        EducationLevel.LOWER_SECONDARY, EducationLevel.PRIMARY),
                new AwarenessCourse(new Rule("ADM-COURSE", "Điều lệ Đảng 2011, Điều 4; HD 01-HD/TW (28/9/2021)")),
                new Introducers(new Rule("P3", "Điều lệ Đảng 2011, Điều 4"), 2, 12),
                new CellApproval(new Rule("P4", "Điều lệ Đảng 2011, Điều 4 & Điều 5"), 2, 3),
                new Probation(new Rule("P5", "Điều lệ Đảng 2011, Điều 5; QĐ 24-QĐ/TW (30/7/2021) §4"), 12, 30),
                new Transfers(new Rule("P9", "HD 01-HD/TW (28/9/2021), chuyển sinh hoạt đảng"), 3, 12, "STUDY", 24),
                new WorkingAge(new Rule("P10", "HD 27-HD/BTCTW (2009), miễn công tác và sinh hoạt đảng"), 60, 55),
                new TemporaryExemption(new Rule("P11", "HD 01-HD/TW (28/9/2021), tạm miễn sinh hoạt"), 12),
                new RollRemoval(new Rule("P12", "Điều lệ Đảng 2011, Điều 8; QĐ 24-QĐ/TW (30/7/2021)")))));
    }
}
