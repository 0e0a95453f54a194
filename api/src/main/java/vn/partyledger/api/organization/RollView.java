package vn.partyledger.api.organization;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.provenance.Provenance;

/** Result: a roll page with counts by status for the organisation itself and for its subtree. */
public record RollView(String organizationId, LocalDate asOf, RollCounts counts, RollCounts subtreeCounts,
                       List<Entry> items, int page, int size, long total, Provenance provenance) {

    /** One person on (or attending as a temporary guest) the roll on the date. */
    public record Entry(String memberId, String fullName, MemberStatus status, boolean fullyExempt,
                        boolean temporarilyExempt, boolean suspended, boolean temporarilyTransferredIn,
                        boolean temporarilyTransferredOut, LocalDate admittedOn, LocalDate officialOn) {
    }
}
