package vn.partyledger.api.member;

import vn.partyledger.api.envelope.OrganizationScoped;
import java.time.LocalDate;

/** Fact: the member's name and/or birth date are corrected (event {@code correctsEventId}); null = unchanged. */
public record MemberDataCorrected(String memberId, String organizationId, String fullName, LocalDate birthDate,
                                  String correctsEventId) implements OrganizationScoped {
}
