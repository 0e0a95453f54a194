package vn.partyledger.query.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.query.member.RollTimeline.Fact;
import vn.partyledger.query.member.RollTimeline.Kind;
import vn.partyledger.query.member.RollTimeline.Period;

class RollTimelineTest {

    private static final LocalDate DAY = LocalDate.of(2024, 9, 2);

    @Test
    void sameDayFactsLeaveNoEmptyPeriod() {
        List<Period> periods = RollTimeline.fold(List.of(
                new Fact(DAY, 1, Kind.ADMITTED, "cell", null, null),
                new Fact(DAY, 2, Kind.FULL_EXEMPTION_GRANTED, null, null, null))).periods();

        assertThat(periods).singleElement().satisfies(p -> {
            assertThat(p.from()).isEqualTo(DAY);
            assertThat(p.to()).isNull();
            assertThat(p.row().fullyExempt()).isTrue();
            assertThat(p.lastPosition()).isEqualTo(2);
        });
    }

    @Test
    void periodEndsOnTheDayOfATerminalFact() {
        List<Period> periods = RollTimeline.fold(List.of(
                new Fact(DAY, 1, Kind.ADMITTED, "cell", null, null),
                new Fact(DAY.plusYears(1), 2, Kind.DECEASED, null, null, null))).periods();

        assertThat(periods).singleElement().satisfies(p -> {
            assertThat(p.to()).isEqualTo(DAY.plusYears(1));
            assertThat(p.row().status()).isEqualTo(MemberStatus.PROBATIONARY);
        });
    }

    @Test
    void temporaryGuestHasItsOwnPeriodBesideTheHomeOne() {
        RollTimeline.Result result = RollTimeline.fold(List.of(
                new Fact(DAY, 1, Kind.ADMITTED, "home", null, null),
                new Fact(DAY.plusDays(3), 2, Kind.TEMPORARY_TRANSFER_ISSUED, null, "host", DAY.plusMonths(6)),
                new Fact(DAY.plusDays(5), 3, Kind.TEMPORARY_TRANSFER_RECEIVED, "host", "home", null)));

        assertThat(result.periods()).extracting(p -> p.row().organizationId(), p -> p.row().transferredIn(),
                        p -> p.row().transferredOut(), Period::from, Period::to)
                .containsExactly(
                        tuple("home", false, false, DAY, DAY.plusDays(5)),
                        tuple("home", false, true, DAY.plusDays(5), null),
                        tuple("host", true, false, DAY.plusDays(5), null));
        assertThat(result.current().hostOrganizationId()).isEqualTo("host");
    }
}
