package vn.partyledger.command.member;

import vn.partyledger.command.Refusals;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.command.member.MemberFixture.DECIDED_ON;
import static vn.partyledger.command.member.MemberFixture.ID;
import static vn.partyledger.command.member.MemberFixture.admission;
import static vn.partyledger.command.member.MemberFixture.certified;
import static vn.partyledger.command.Refusals.brokenRule;
import static vn.partyledger.command.Refusals.noRuleInForce;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.member.AwarenessCourseCompleted;
import vn.partyledger.api.member.CandidateRegistered;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.api.rules.vote.Share;
import vn.partyledger.command.member.MembershipPolicy.CellApproval;
import vn.partyledger.command.member.MembershipPolicy.Probation;

class MembershipRulesTest {

    private static final MembershipPolicy STANDARD = MembershipRules.standard().at(DECIDED_ON);

    @Test
    void reviewAfterTheThirtiethWorkingDayIsLate() {
        Probation probation = STANDARD.probation();
        LocalDate end = LocalDate.of(2025, 6, 20);
        assertThat(probation.reviewedLate(end, LocalDate.of(2025, 8, 1))).isFalse();
        assertThat(probation.reviewedLate(end, LocalDate.of(2025, 8, 2))).isFalse();
        assertThat(probation.reviewedLate(end, LocalDate.of(2025, 8, 4))).isTrue();
    }

    @Test
    void probationLastsTwelveMonthsFromTheCeremony() {
        assertThat(STANDARD.probation().endsOn(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void anAdmissionDecidedBeforeAnyVersionOfTheRulesIsRefusedNamingTheRule() {
        LocalDate beforeQd29 = LocalDate.of(2016, 7, 1);
        MemberFixture.aggregate()
                .given(new CandidateRegistered(ID, MemberFixture.CELL, "Lò Văn Pánh", MemberFixture.BORN, Gender.MALE,
                                "Thái", EducationLevel.UPPER_SECONDARY, LocalDate.of(2015, 9, 1)),
                        new AwarenessCourseCompleted(ID, MemberFixture.CELL, "GCN-31/2015", LocalDate.of(2015, 11, 2)))
                .when(admission(ID).reviewedOn(beforeQd29.minusDays(5)).decidedOn(beforeQd29)
                        .ceremonyOn(beforeQd29.plusDays(5)).build())
                .expectNoEvents()
                .expectExceptionDetails(noRuleInForce("P1", "decisionDate"));
    }

    @Test
    void theRulesOfAnAdmissionIn2019CiteQd29AndIn2022Qd24() {
        MembershipRules rules = MembershipRules.standard();

        assertThat(rules.at(LocalDate.of(2019, 5, 1)).admissionAge().rule().basis()).contains("QĐ 29-QĐ/TW (25/7/2016)");
        assertThat(rules.at(LocalDate.of(2022, 5, 1)).admissionAge().rule().basis()).contains("QĐ 24-QĐ/TW (30/7/2021)");
    }

    @Test
    void admissionBeforeAStricterVersionIsJudgedByTheOldOne() {
        fixtureWithStricterApprovalFrom(DECIDED_ON.plusDays(1))
                .given(certified(ID))
                .when(admission(ID).vote(12, 17).build())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void admissionFromTheDayAStricterVersionAppliesIsJudgedByIt() {
        // 12 of 17 passes 2/3 but not 3/4: 4 × 12 = 48 < 3 × 17 = 51
        fixtureWithStricterApprovalFrom(DECIDED_ON)
                .given(certified(ID))
                .when(admission(ID).vote(12, 17).build())
                .expectNoEvents()
                .expectExceptionDetails(brokenRule("P4", "cellVote"));
    }

    private static FixtureConfiguration<Member> fixtureWithStricterApprovalFrom(LocalDate from) {
        MembershipRules rules = new MembershipRules(Effective.from(LocalDate.of(2021, 7, 30), STANDARD)
                .then(from, withApproval(3, 4)));
        FixtureConfiguration<Member> fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(MemberFixture.organizations());
        fixture.registerInjectableResource(MemberFixture.members());
        fixture.registerInjectableResource(rules);
        fixture.registerInjectableResource(MemberFixture.cellOfOfficials(17));
        return fixture;
    }

    private static MembershipPolicy withApproval(int numerator, int denominator) {
        MembershipPolicy p = STANDARD;
        return new MembershipPolicy(p.admissionAge(), p.education(), p.awarenessCourse(), p.introducers(),
                new CellApproval(p.cellApproval().rule(), new Share(numerator, denominator)), p.probation(), p.transfers(),
                p.workingAge(), p.temporaryExemption(), p.rollRemoval());
    }
}
