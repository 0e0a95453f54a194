package vn.partyledger.api.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.Severity;

class RollStandardsTest {

    private final RollStandards standards = RollStandards.STANDARD.at(LocalDate.of(2020, 3, 23));

    private static RollCounts officials(int official, int probationary) {
        return new RollCounts(official, probationary, 0, 0, 0, 0, 0);
    }

    @Test
    void cellWithTwoOfficialMembersIsWarnedUnderO1() {
        var warnings = standards.judge(OrganizationLevel.CELL, false, officials(2, 5), officials(2, 5));
        assertThat(warnings).extracting(RuleOutcome::rule).containsExactly("O1");
        assertThat(warnings.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(warnings.get(0).basis()).contains("Điều lệ Đảng");
    }

    @Test
    void cellWithThreeOfficialMembersMeetsO1() {
        assertThat(standards.judge(OrganizationLevel.CELL, false, officials(3, 0), officials(3, 0))).isEmpty();
    }

    @Test
    void grassrootsCellReachingThirtyMembersIsWarnedToBecomeACommittee() {
        assertThat(standards.judge(OrganizationLevel.CELL, true, officials(29, 1), officials(29, 1)))
                .extracting(RuleOutcome::rule).containsExactly("O2");
        assertThat(standards.judge(OrganizationLevel.CELL, true, officials(28, 1), officials(28, 1))).isEmpty();
    }

    @Test
    void communeCommitteeBelowThirtyMembersIsWarnedButNaTongWithHundredThirtySevenIsNot() {
        assertThat(standards.judge(OrganizationLevel.COMMUNE, true, RollCounts.ZERO, officials(29, 0)))
                .extracting(RuleOutcome::rule).containsExactly("O2");
        assertThat(standards.judge(OrganizationLevel.COMMUNE, true, RollCounts.ZERO, officials(136, 1))).isEmpty();
    }

    @Test
    void subordinateCellsAreNotJudgedByTheGrassrootsThreshold() {
        assertThat(standards.judge(OrganizationLevel.CELL, false, officials(40, 0), officials(40, 0))).isEmpty();
    }
}
