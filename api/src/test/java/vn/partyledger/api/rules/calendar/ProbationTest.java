package vn.partyledger.api.rules.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProbationTest {

    private static final LocalDate FRIDAY = LocalDate.of(2024, 3, 1);

    @Test
    void workingDaysSkipWeekends() {
        assertThat(WorkingDays.between(FRIDAY, FRIDAY.plusDays(3))).isEqualTo(1);
        assertThat(WorkingDays.between(FRIDAY, FRIDAY.plusDays(14))).isEqualTo(10);
        assertThat(WorkingDays.between(FRIDAY, FRIDAY)).isZero();
        // Friday 20/6/2025 → Monday 23/6 is the first working day, Friday 1/8 the 30th
        assertThat(WorkingDays.between(LocalDate.of(2025, 6, 20), LocalDate.of(2025, 6, 22))).isZero();
        assertThat(WorkingDays.between(LocalDate.of(2025, 6, 20), LocalDate.of(2025, 6, 23))).isEqualTo(1);
        assertThat(WorkingDays.between(LocalDate.of(2025, 6, 20), LocalDate.of(2025, 8, 1))).isEqualTo(30);
    }

    @Test
    void theReviewIsLateAfterThirtyWorkingDays() {
        Probation p5 = Probation.VERSIONS.at(FRIDAY);
        // 30 working days after Friday 1 March 2024 end on Friday 12 April; the weekend adds none.
        LocalDate lastDay = LocalDate.of(2024, 4, 12);

        assertThat(WorkingDays.between(FRIDAY, lastDay)).isEqualTo(30);
        assertThat(p5.reviewLate(FRIDAY, lastDay)).isFalse();
        assertThat(p5.reviewLate(FRIDAY, lastDay.plusDays(2))).isFalse();
        assertThat(p5.reviewLate(FRIDAY, lastDay.plusDays(3))).isTrue();
        assertThat(p5.endsOn(LocalDate.of(2023, 3, 1))).isEqualTo(FRIDAY);
    }

    @Test
    void theBasisFollowsTheCharterImplementationInForce() {
        assertThat(Probation.VERSIONS.at(LocalDate.of(2019, 1, 1)).rule().basis()).contains("QĐ 29-QĐ/TW");
        assertThat(Probation.VERSIONS.at(LocalDate.of(2022, 1, 1)).rule().basis())
                .isEqualTo("Điều lệ Đảng 2011, Điều 5; QĐ 24-QĐ/TW (30/7/2021) §4");
    }
}
