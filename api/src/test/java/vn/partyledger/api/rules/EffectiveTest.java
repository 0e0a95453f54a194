package vn.partyledger.api.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EffectiveTest {

    private static final LocalDate FIRST = LocalDate.of(2016, 7, 25);
    private static final LocalDate SECOND = LocalDate.of(2021, 7, 30);
    private final Effective<String> versions = Effective.from(FIRST, "QĐ 29").then(SECOND, "QĐ 24");

    @Test
    void aDateGetsTheVersionInForceOnIt() {
        assertThat(versions.at(LocalDate.of(2019, 5, 1))).isEqualTo("QĐ 29");
        assertThat(versions.at(SECOND.minusDays(1))).isEqualTo("QĐ 29");
        assertThat(versions.at(SECOND)).isEqualTo("QĐ 24");
        assertThat(versions.versionAt(LocalDate.of(2022, 1, 1))).get().extracting(Effective.Version::from)
                .isEqualTo(SECOND);
    }

    @Test
    void aDateBeforeTheFirstVersionHasNoVersionInForce() {
        LocalDate before = FIRST.minusDays(1);

        assertThat(versions.find(before)).isEmpty();
        assertThat(versions.inForce(before)).isFalse();
        assertThatThrownBy(() -> versions.at(before))
                .isInstanceOfSatisfying(NoVersionInForceException.class, e -> {
                    assertThat(e.date()).isEqualTo(before);
                    assertThat(e.firstFrom()).isEqualTo(FIRST);
                });
    }

    @Test
    void aFirstVersionDeclaredToReachBackGovernsEarlierDates() {
        Effective<String> tree = Effective.reachingBack(FIRST, "charter").then(SECOND, "two tiers");

        assertThat(tree.at(LocalDate.of(2004, 1, 1))).isEqualTo("charter");
        assertThat(tree.at(SECOND)).isEqualTo("two tiers");
    }

    @Test
    void anAssembledPolicyChangesWhereverAPartChangesAndStartsWhenEveryRequiredPartIsInForce() {
        Effective<String> basis = Effective.from(FIRST, "QĐ 29").then(SECOND, "QĐ 24");
        Effective<Integer> share = Effective.from(LocalDate.of(2011, 1, 19), 2);
        Effective<String> assembled = Effective.assembled(d -> basis.at(d) + " " + share.at(d) + "/3", basis, share);

        assertThat(assembled.versions()).extracting(Effective.Version::from).containsExactly(FIRST, SECOND);
        assertThat(assembled.at(LocalDate.of(2019, 1, 1))).isEqualTo("QĐ 29 2/3");
        assertThat(assembled.find(LocalDate.of(2015, 1, 1))).isEmpty();
    }
}
