package vn.partyledger.command.member;

import vn.partyledger.command.Refusals;

import static vn.partyledger.command.member.MemberFixture.BORN;
import static vn.partyledger.command.member.MemberFixture.CELL;
import static vn.partyledger.command.member.MemberFixture.COMMUNE;
import static vn.partyledger.command.member.MemberFixture.DISSOLVED_CELL;
import static vn.partyledger.command.member.MemberFixture.ID;
import static vn.partyledger.command.member.MemberFixture.PROVINCE;
import static vn.partyledger.command.member.MemberFixture.REGISTERED_ON;
import static vn.partyledger.command.member.MemberFixture.registered;
import static vn.partyledger.command.member.MemberFixture.registration;
import static vn.partyledger.command.Refusals.invalidInput;
import static vn.partyledger.command.Refusals.notFound;
import static vn.partyledger.command.Refusals.wrongState;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.member.AwarenessCourseCompleted;
import vn.partyledger.api.member.CandidateRegistered;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.RecordAwarenessCourse;
import vn.partyledger.api.member.RegisterCandidate;
import vn.partyledger.api.rules.LedgerRefusalException;

class MemberRegistrationTest {

    private final FixtureConfiguration<Member> fixture = MemberFixture.aggregate();

    @Test
    void canRegisterCandidateInCell() {
        fixture.givenNoPriorActivity()
                .when(registration(ID))
                .expectEvents(registered(ID));
    }

    @Test
    void canRegisterCandidateInGrassrootsOrganization() {
        fixture.givenNoPriorActivity()
                .when(registrationIn(COMMUNE))
                .expectEvents(new CandidateRegistered(ID, COMMUNE, "Lò Văn Pánh", BORN, Gender.MALE, "Thái",
                        EducationLevel.UPPER_SECONDARY, REGISTERED_ON));
    }

    @Test
    void cannotRegisterCandidateInUnknownOrganization() {
        fixture.givenNoPriorActivity()
                .when(registrationIn("cell-nowhere"))
                .expectNoEvents()
                .expectException(LedgerRefusalException.class)
                .expectExceptionDetails(notFound("organizationId"));
    }

    @Test
    void cannotRegisterCandidateInDissolvedCell() {
        fixture.givenNoPriorActivity()
                .when(registrationIn(DISSOLVED_CELL))
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("organizationId"));
    }

    @Test
    void cannotRegisterCandidateAtProvinceLevel() {
        fixture.givenNoPriorActivity()
                .when(registrationIn(PROVINCE))
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("organizationId"));
    }

    @Test
    void cannotRegisterCandidateWithBlankName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCandidate(ID, CELL, "  ", BORN, Gender.MALE, "Thái", EducationLevel.UPPER_SECONDARY,
                        REGISTERED_ON))
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("fullName"));
    }

    @Test
    void cannotRegisterCandidateBornOnRegistrationDay() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCandidate(ID, CELL, "Lò Văn Pánh", REGISTERED_ON, Gender.MALE, "Thái",
                        EducationLevel.UPPER_SECONDARY, REGISTERED_ON))
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("birthDate"));
    }

    @Test
    void cannotRegisterCandidateWithoutGender() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCandidate(ID, CELL, "Lò Văn Pánh", BORN, null, "Thái", EducationLevel.UPPER_SECONDARY,
                        REGISTERED_ON))
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("gender"));
    }

    @Test
    void cannotRegisterCandidateWithoutEducationLevel() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCandidate(ID, CELL, "Lò Văn Pánh", BORN, Gender.MALE, "Thái", null, REGISTERED_ON))
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("educationLevel"));
    }

    @Test
    void canRecordAwarenessCourseOfCandidate() {
        fixture.given(registered(ID))
                .when(new RecordAwarenessCourse(ID, "GCN-118/2024", MemberFixture.COURSE_ON))
                .expectEvents(new AwarenessCourseCompleted(ID, CELL, "GCN-118/2024", MemberFixture.COURSE_ON));
    }

    @Test
    void cannotRecordAwarenessCourseWithoutCertificateNumber() {
        fixture.given(registered(ID))
                .when(new RecordAwarenessCourse(ID, null, MemberFixture.COURSE_ON))
                .expectNoEvents()
                .expectExceptionDetails(invalidInput("certificateNo"));
    }

    @Test
    void cannotRecordAwarenessCourseOfAdmittedMember() {
        fixture.given(MemberFixture.admitted(ID))
                .when(new RecordAwarenessCourse(ID, "GCN-7/2025", MemberFixture.RECOGNIZED_ON))
                .expectNoEvents()
                .expectExceptionDetails(wrongState());
    }

    private static RegisterCandidate registrationIn(String organizationId) {
        return new RegisterCandidate(ID, organizationId, "Lò Văn Pánh", BORN, Gender.MALE, "Thái",
                EducationLevel.UPPER_SECONDARY, REGISTERED_ON);
    }
}
