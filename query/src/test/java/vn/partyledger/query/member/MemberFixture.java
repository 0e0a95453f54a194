package vn.partyledger.query.member;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.member.ActivitySuspended;
import vn.partyledger.api.member.CandidateRegistered;
import vn.partyledger.api.member.CellVote;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.ExemptionGround;
import vn.partyledger.api.member.FullExemptionEnded;
import vn.partyledger.api.member.FullExemptionGranted;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.Introducer;
import vn.partyledger.api.member.MemberAdmitted;
import vn.partyledger.api.member.MemberDeceased;
import vn.partyledger.api.member.MemberReinstated;
import vn.partyledger.api.member.MembershipMadeOfficial;
import vn.partyledger.api.member.ProbationaryRemoved;
import vn.partyledger.api.member.RollRemovalGround;
import vn.partyledger.api.member.RollRemoved;
import vn.partyledger.api.member.TemporaryExemptionEnded;
import vn.partyledger.api.member.TemporaryExemptionGranted;
import vn.partyledger.api.member.TemporaryTransferEnded;
import vn.partyledger.api.member.TransferIssued;
import vn.partyledger.api.member.TransferKind;
import vn.partyledger.api.member.TransferReceived;

public final class MemberFixture {

    private MemberFixture() {
    }

    public static CandidateRegistered registered(String id, String org, String fullName, LocalDate on) {
        return new CandidateRegistered(id, org, fullName, LocalDate.of(1990, 5, 17), Gender.FEMALE, "Thái",
                EducationLevel.UPPER_SECONDARY, on);
    }

    /** Admission decided on {@code decisionDate}; ceremony two weeks later; probation 12 months from the ceremony. */
    public static MemberAdmitted admitted(String id, String org, LocalDate decisionDate) {
        LocalDate ceremony = decisionDate.plusWeeks(2);
        return new MemberAdmitted(id, org, "QĐ " + id, "Đảng ủy xã", decisionDate, ceremony,
                List.of(new Introducer("intro-1", decisionDate.minusYears(2)),
                        new Introducer("intro-2", decisionDate.minusYears(3))),
                new CellVote(10, 12, decisionDate.minusWeeks(1)), ceremony.plusMonths(12));
    }

    public static MembershipMadeOfficial madeOfficial(String id, String org, LocalDate effective) {
        return new MembershipMadeOfficial(id, org, effective, "QĐ CT " + id, effective.plusWeeks(3),
                new CellVote(11, 12, effective.plusWeeks(2)), false);
    }

    /** Registered, admitted and official: the usual member of a cell. */
    public static Object[] officialMember(String id, String org, String fullName, LocalDate admittedOn) {
        MemberAdmitted admitted = admitted(id, org, admittedOn);
        return new Object[]{registered(id, org, fullName, admittedOn.minusYears(1)), admitted,
                madeOfficial(id, org, admitted.probationEndsOn())};
    }

    public static Object[] probationaryMember(String id, String org, String fullName, LocalDate admittedOn) {
        return new Object[]{registered(id, org, fullName, admittedOn.minusYears(1)), admitted(id, org, admittedOn)};
    }

    public static ProbationaryRemoved probationEnded(String id, String org, LocalDate on) {
        return new ProbationaryRemoved(id, org, "QĐ XT " + id, "không đủ điều kiện", on);
    }

    public static FullExemptionGranted fullyExempted(String id, String org, LocalDate on) {
        return new FullExemptionGranted(id, org, ExemptionGround.ELDERLY, "NQ " + id, on);
    }

    public static FullExemptionEnded fullExemptionEnded(String id, String org, LocalDate on) {
        return new FullExemptionEnded(id, org, on);
    }

    public static TemporaryExemptionGranted temporarilyExempted(String id, String org, LocalDate from, LocalDate until) {
        return new TemporaryExemptionGranted(id, org, "đi làm ăn xa", "QĐ TM " + id, from, until);
    }

    public static TemporaryExemptionEnded temporaryExemptionEnded(String id, String org, LocalDate on) {
        return new TemporaryExemptionEnded(id, org, on);
    }

    public static ActivitySuspended suspended(String id, String org, LocalDate on) {
        return new ActivitySuspended(id, org, "đang bị điều tra", "QĐ ĐC " + id, on);
    }

    public static MemberReinstated reinstated(String id, String org, LocalDate on) {
        return new MemberReinstated(id, org, "QĐ PH " + id, on);
    }

    public static TransferIssued transferIssued(String id, String from, String to, TransferKind kind, LocalDate on) {
        return new TransferIssued(id, from, to, to == null ? "Đảng bộ ngoài hệ thống" : null, kind, "GGT " + id,
                kind == TransferKind.TEMPORARY ? on.plusMonths(6) : null, null, on);
    }

    public static TransferReceived transferReceived(String id, String at, String from, TransferKind kind, LocalDate on) {
        return new TransferReceived(id, at, from, kind, on);
    }

    public static TemporaryTransferEnded temporaryTransferEnded(String id, String home, String host, LocalDate on) {
        return new TemporaryTransferEnded(id, home, host, on);
    }

    public static RollRemoved rollRemoved(String id, String org, LocalDate on) {
        return new RollRemoved(id, org, RollRemovalGround.FEES_UNPAID, "QĐ XT " + id, "Đảng ủy xã", on);
    }

    public static MemberDeceased deceased(String id, String org, LocalDate on) {
        return new MemberDeceased(id, org, on);
    }
}
