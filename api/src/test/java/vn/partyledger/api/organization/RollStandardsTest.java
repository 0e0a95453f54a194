package vn.partyledger.api.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.Severity;

class RollStandardsTest {

    private static final RollCounts TWENTY = new RollCounts(20, 0, 0, 0, 0, 0, 0);

    @Test
    void aGrassrootsCommitteeUnderThirtyCitesTheCharterImplementationOfItsDate() {
        assertThat(RollStandards.judgeOn(LocalDate.of(2019, 12, 31), OrganizationLevel.COMMUNE, true, TWENTY, TWENTY))
                .singleElement().extracting(RuleOutcome::rule, RuleOutcome::basis)
                .containsExactly("O2", "QĐ 29-QĐ/TW (25/7/2016), tổ chức cơ sở đảng");
        assertThat(RollStandards.judgeOn(LocalDate.of(2022, 12, 31), OrganizationLevel.COMMUNE, true, TWENTY, TWENTY))
                .singleElement().extracting(RuleOutcome::basis)
                .isEqualTo("QĐ 24-QĐ/TW (30/7/2021); HD 01-HD/TW (28/9/2021), tổ chức cơ sở đảng");
    }

    @Test
    void beforeTheTextsOfARuleItIsShownAsNotInForce() {
        assertThat(RollStandards.judgeOn(LocalDate.of(2015, 12, 31), OrganizationLevel.COMMUNE, true, TWENTY, TWENTY))
                .extracting(RuleOutcome::rule, RuleOutcome::severity)
                .containsExactly(tuple("O2", Severity.NOT_IN_FORCE));
        assertThat(RollStandards.judgeOn(LocalDate.of(2005, 12, 31), OrganizationLevel.COMMUNE, true, TWENTY, TWENTY))
                .extracting(RuleOutcome::rule, RuleOutcome::severity)
                .containsExactly(tuple("O1", Severity.NOT_IN_FORCE), tuple("O2", Severity.NOT_IN_FORCE));
    }

    @Test
    void aCellBelowThreeOfficialMembersIsWarnedUnderTheCharter() {
        RollCounts two = new RollCounts(2, 1, 0, 0, 0, 0, 0);
        assertThat(RollStandards.judgeOn(LocalDate.of(2015, 6, 1), OrganizationLevel.CELL, false, two, two))
                .singleElement().extracting(RuleOutcome::rule, RuleOutcome::severity, RuleOutcome::basis)
                .containsExactly("O1", Severity.WARNING, "Điều lệ Đảng 2011, Điều 21");
    }
}
