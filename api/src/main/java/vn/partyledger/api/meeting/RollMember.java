package vn.partyledger.api.meeting;

import vn.partyledger.api.member.MemberStatus;

/** One person on the cell's roll (or attending it as a temporary guest) on the meeting date. */
public record RollMember(String memberId, MemberStatus membership, boolean fullyExempt, boolean temporarilyExempt,
                         boolean suspended, boolean temporarilyTransferredIn, boolean temporarilyTransferredOut) {

    /** M8: exempt, suspended and temporarily transferred-out members need not attend; guests transferred in are counted apart. */
    public boolean requiredToAttend() {
        return !fullyExempt && !temporarilyExempt && !suspended && !temporarilyTransferredOut && !temporarilyTransferredIn;
    }
}
