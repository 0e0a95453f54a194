package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: a candidate is on the organisation's candidate list. */
public record CandidateRegistered(String memberId, String organizationId, String fullName, LocalDate birthDate, Gender gender, String ethnicity, EducationLevel educationLevel, LocalDate registeredOn) implements OrganizationScoped {
}
