package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.provenance.Provenance;

/** Result: a member's current record. Party seniority counts from {@code admittedOn} (the decision date, P6). */
public record MemberView(String memberId, String fullName, LocalDate birthDate, Gender gender, String ethnicity,
                         EducationLevel educationLevel, String organizationId, MemberStatus status,
                         boolean fullyExempt, boolean temporarilyExempt, LocalDate temporaryExemptionUntil,
                         boolean suspended, String hostOrganizationId, LocalDate admittedOn, LocalDate ceremonyDate,
                         LocalDate officialOn, LocalDate probationEndsOn, String awarenessCertificateNo,
                         Provenance provenance) {
}
