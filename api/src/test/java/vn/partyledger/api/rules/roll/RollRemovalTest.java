package vn.partyledger.api.rules.roll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RollRemovalTest {

    @Test
    void threeMonthsWithoutLegitimateReasonReachTheThreshold() {
        RollRemoval p12 = RollRemoval.VERSIONS.at(LocalDate.of(2025, 9, 1));

        assertThat(p12.reached(2)).isFalse();
        assertThat(p12.reached(3)).isTrue();
        assertThat(p12.rule().code()).isEqualTo("P12");
    }

    @Test
    void theBasisIsTheTextInForceOnTheAbsence() {
        assertThat(RollRemoval.VERSIONS.at(LocalDate.of(2019, 9, 1)).rule().basis()).contains("QĐ 29-QĐ/TW");
        assertThat(RollRemoval.VERSIONS.at(LocalDate.of(2022, 9, 1)).rule().basis()).contains("QĐ 24-QĐ/TW");
        assertThat(RollRemoval.VERSIONS.find(LocalDate.of(2015, 9, 1))).isEmpty();
    }
}
