package vn.partyledger.api.member;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/**
 * Fact: a person already admitted before (admittedOn = the admission decision date, from which seniority counts) is on
 * the organisation's roll from {@code enrolledOn}, official since {@code officialOn} or probationary until 12 months
 * after {@code ceremonyDate} ({@code probationEndsOn}, null for official members).
 */
public record ExistingMemberEnrolled(String memberId, String organizationId, String fullName, LocalDate birthDate,
                                     Gender gender, String ethnicity, EducationLevel educationLevel,
                                     LocalDate admittedOn, LocalDate ceremonyDate, LocalDate officialOn,
                                     LocalDate probationEndsOn,
                                     String cardNumber, String source, LocalDate enrolledOn)
        implements OrganizationScoped {
}
