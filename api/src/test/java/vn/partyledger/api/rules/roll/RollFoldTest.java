package vn.partyledger.api.rules.roll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.rules.roll.RollFold.Fact;
import vn.partyledger.api.rules.roll.RollFold.Kind;
import vn.partyledger.api.rules.roll.RollFold.Period;

class RollFoldTest {

    private static final LocalDate DAY = LocalDate.of(2024, 9, 2);

    @Test
    void sameDayFactsLeaveNoEmptyPeriod() {
        List<Period> periods = RollFold.fold(List.of(
                new Fact(DAY, 1, Kind.ADMITTED, "cell", null),
                new Fact(DAY, 2, Kind.FULL_EXEMPTION_GRANTED, null, null))).periods();

        assertThat(periods).singleElement().satisfies(p -> {
            assertThat(p.from()).isEqualTo(DAY);
            assertThat(p.to()).isNull();
            assertThat(p.row().fullyExempt()).isTrue();
            assertThat(p.lastPosition()).isEqualTo(2);
        });
    }

    @Test
    void periodEndsOnTheDayOfATerminalFact() {
        List<Period> periods = RollFold.fold(List.of(
                new Fact(DAY, 1, Kind.ADMITTED, "cell", null),
                new Fact(DAY.plusYears(1), 2, Kind.DECEASED, null, null))).periods();

        assertThat(periods).singleElement().satisfies(p -> {
            assertThat(p.to()).isEqualTo(DAY.plusYears(1));
            assertThat(p.row().status()).isEqualTo(MemberStatus.PROBATIONARY);
        });
    }

    @Test
    void temporaryGuestHasItsOwnPeriodBesideTheHomeOne() {
        RollFold.Result result = RollFold.fold(List.of(
                new Fact(DAY, 1, Kind.ADMITTED, "home", null),
                new Fact(DAY.plusDays(3), 2, Kind.TEMPORARY_TRANSFER_ISSUED, null, DAY.plusMonths(6)),
                new Fact(DAY.plusDays(5), 3, Kind.TEMPORARY_TRANSFER_RECEIVED, "host", null)));

        assertThat(result.periods()).extracting(p -> p.row().organizationId(), p -> p.row().transferredIn(),
                        p -> p.row().transferredOut(), Period::from, Period::to)
                .containsExactly(
                        tuple("home", false, false, DAY, DAY.plusDays(5)),
                        tuple("home", false, true, DAY.plusDays(5), null),
                        tuple("host", true, false, DAY.plusDays(5), null));
        assertThat(result.current().hostOrganizationId()).isEqualTo("host");
    }

    @Test
    void aTemporaryTransferOutsideTheLedgerStartsTheAbsenceAtTheReferral() {
        List<Period> periods = RollFold.fold(List.of(
                new Fact(DAY, 1, Kind.ADMITTED, "home", null),
                new Fact(DAY.plusDays(3), 2, Kind.TEMPORARY_TRANSFER_ISSUED_OUTSIDE, null, null))).periods();

        assertThat(periods).extracting(p -> p.row().transferredOut(), Period::from, Period::to)
                .containsExactly(tuple(false, DAY, DAY.plusDays(3)), tuple(true, DAY.plusDays(3), null));
    }

    @Test
    void anOfficialTransferInsideTheLedgerKeepsTheMemberOnTheSendingRollUntilReceived() {
        List<Period> periods = RollFold.fold(List.of(
                new Fact(DAY, 1, Kind.ENROLLED, "home", DAY.plusYears(1)),
                new Fact(DAY.plusYears(2), 2, Kind.OFFICIAL_TRANSFER_ISSUED, null, null),
                new Fact(DAY.plusYears(2).plusDays(10), 3, Kind.OFFICIAL_TRANSFER_RECEIVED, "other", null))).periods();

        assertThat(periods).extracting(p -> p.row().organizationId(), p -> p.row().status(),
                        p -> p.row().membership(), Period::from, Period::to)
                .containsExactly(
                        tuple("home", MemberStatus.PROBATIONARY, MemberStatus.PROBATIONARY, DAY, DAY.plusYears(1)),
                        tuple("home", MemberStatus.OFFICIAL, MemberStatus.OFFICIAL, DAY.plusYears(1), DAY.plusYears(2)),
                        tuple("home", MemberStatus.TRANSFER_PENDING, MemberStatus.OFFICIAL, DAY.plusYears(2),
                                DAY.plusYears(2).plusDays(10)),
                        tuple("other", MemberStatus.OFFICIAL, MemberStatus.OFFICIAL, DAY.plusYears(2).plusDays(10),
                                null));
    }

    @Test
    void anOfficialTransferOutsideTheLedgerEndsTheRollAtTheReferral() {
        RollFold.Result result = RollFold.fold(List.of(
                new Fact(DAY, 1, Kind.ADMITTED, "home", null),
                new Fact(DAY.plusDays(40), 2, Kind.OFFICIAL_TRANSFER_ISSUED_OUTSIDE, null, null)));

        assertThat(result.periods()).singleElement().satisfies(p -> assertThat(p.to()).isEqualTo(DAY.plusDays(40)));
        assertThat(result.current().status()).isEqualTo(MemberStatus.TRANSFERRED_OUT);
    }

    @Test
    void aCandidateIsOnNoRoll() {
        RollFold.Result result = RollFold.fold(List.of(new Fact(DAY, 1, Kind.REGISTERED, "cell", null)));

        assertThat(result.periods()).isEmpty();
        assertThat(result.current().status()).isEqualTo(MemberStatus.CANDIDATE);
    }
}
