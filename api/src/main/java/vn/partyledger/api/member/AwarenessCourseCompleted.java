package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the candidate completed the awareness course. */
public record AwarenessCourseCompleted(String memberId, String organizationId, String certificateNo, LocalDate completedOn) implements OrganizationScoped {
}
