package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the member died. */
public record MemberDeceased(String memberId, String organizationId, LocalDate diedOn) implements OrganizationScoped {
}
