package vn.partyledger.api.member;

/** Life-cycle status of a person in the member roll; exemptions, suspension and temporary transfer are overlays on it. */
public enum MemberStatus {
    CANDIDATE, PROBATIONARY, OFFICIAL,
    /** Removed from the probationary roll after failing recognition (P5). Terminal. */
    PROBATION_ENDED,
    /** Official transfer issued, not yet received by the destination. */
    TRANSFER_PENDING,
    /** Transferred to an organisation outside this ledger. Terminal for this ledger. */
    TRANSFERRED_OUT,
    ROLL_REMOVED, DECEASED;

    public boolean isOnRoll() {
        return this == PROBATIONARY || this == OFFICIAL;
    }

    public boolean isTerminal() {
        return this == PROBATION_ENDED || this == TRANSFERRED_OUT || this == ROLL_REMOVED || this == DECEASED;
    }
}
