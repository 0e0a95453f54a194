package vn.partyledger.api.meeting;

import java.util.List;

/**
 * The roll announced at the opening (M4), taken from the member roll as of the meeting date: counts by status, the
 * number required to attend (M8), and every person so the minutes show who was expected.
 */
public record RollSnapshot(int official, int probationary, int exempt, int temporarilyTransferredIn,
                           int temporarilyTransferredOut, int requiredToAttend, List<RollMember> members) {
}
