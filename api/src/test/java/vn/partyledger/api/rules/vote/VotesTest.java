package vn.partyledger.api.rules.vote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VotesTest {

    @Test
    void aResolutionOf2019RestsOnQd29AndOneOf2022OnQd24() {
        assertThat(Votes.MAJORITY.at(LocalDate.of(2019, 3, 24)).rule().basis()).startsWith("QĐ 29-QĐ/TW (25/7/2016)");
        assertThat(Votes.MAJORITY.at(LocalDate.of(2022, 3, 24)).rule().basis()).startsWith("QĐ 24-QĐ/TW (30/7/2021)");
    }

    @Test
    void noMajorityRuleIsInForceBeforeQd29() {
        assertThat(Votes.MAJORITY.find(LocalDate.of(2016, 7, 24))).isEmpty();
    }

    @Test
    void moreThanHalfIsStrictAndTwoThirdsIsReachedExactly() {
        Share half = Votes.MAJORITY.at(LocalDate.of(2022, 1, 1)).share();
        Share twoThirds = Votes.PERSONNEL_APPROVAL.at(LocalDate.of(2022, 1, 1)).share();

        assertThat(half.exceededBy(2, 4)).isFalse();
        assertThat(half.exceededBy(3, 5)).isTrue();
        assertThat(twoThirds.reachedBy(10, 15)).isTrue();
        assertThat(twoThirds.reachedBy(10, 16)).isFalse();
    }
}
