package vn.partyledger.command.directory;

import java.time.LocalDate;
import vn.partyledger.api.member.MemberStatus;

/**
 * A member on their home roll on a date, as R1 needs it: organisation, membership, exemption and suspension overlays,
 * and the admission date (the first admission or enrolment fact).
 */
public record MemberStanding(String memberId, String organizationId, MemberStatus membership, boolean fullyExempt,
                             boolean temporarilyExempt, boolean suspended, LocalDate admittedOn) {
}
