package vn.partyledger.api.organization;

/** Counts by status of one roll. Exempt, suspended and temporarily-transferred-out members are also counted in official/probationary; temporarily-transferred-in members are not (P9). */
public record RollCounts(int official, int probationary, int fullyExempt, int temporarilyExempt, int suspended,
                         int temporarilyTransferredIn, int temporarilyTransferredOut) {
    public static final RollCounts ZERO = new RollCounts(0, 0, 0, 0, 0, 0, 0);

    /** Đảng số: official + probationary members on the organisation's own roll (temporary guests excluded). */
    public int onRoll() {
        return official + probationary;
    }

    public RollCounts plus(RollCounts o) {
        return new RollCounts(official + o.official, probationary + o.probationary, fullyExempt + o.fullyExempt,
                temporarilyExempt + o.temporarilyExempt, suspended + o.suspended,
                temporarilyTransferredIn + o.temporarilyTransferredIn,
                temporarilyTransferredOut + o.temporarilyTransferredOut);
    }
}
