package vn.partyledger.command.member;

import vn.partyledger.command.Refusals;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.command.member.MemberFixture.DECIDED_ON;
import static vn.partyledger.command.member.MemberFixture.ID;
import static vn.partyledger.command.member.MemberFixture.admission;
import static vn.partyledger.command.member.MemberFixture.certified;
import static vn.partyledger.command.Refusals.brokenRule;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.command.member.MembershipPolicy.CellApproval;
import vn.partyledger.command.member.MembershipPolicy.Probation;

class MembershipRulesTest {

    private static final MembershipPolicy STANDARD = MembershipRules.standard().at(DECIDED_ON);

    @Test
    void workingDaysSkipWeekends() {
        // Friday 20/6/2025 → Monday 23/6 is the first working day, Friday 1/8 the 30th
        assertThat(Probation.workingDaysAfter(LocalDate.of(2025, 6, 20), LocalDate.of(2025, 6, 22))).isZero();
        assertThat(Probation.workingDaysAfter(LocalDate.of(2025, 6, 20), LocalDate.of(2025, 6, 23))).isEqualTo(1);
        assertThat(Probation.workingDaysAfter(LocalDate.of(2025, 6, 20), LocalDate.of(2025, 8, 1))).isEqualTo(30);
    }

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
                new CellApproval(p.cellApproval().rule(), numerator, denominator), p.probation(), p.transfers(),
                p.workingAge(), p.temporaryExemption(), p.rollRemoval());
    }
}
