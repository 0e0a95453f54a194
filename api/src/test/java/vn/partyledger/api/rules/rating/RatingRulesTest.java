package vn.partyledger.api.rules.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatingRulesTest {

    private final RatingRuleSets sets = RatingRuleSets.standard();

    private String idOf(int year) {
        return sets.forYear(year, null).map(RatingRuleSet::id).orElse(null);
    }

    @Test
    void eachRatingYearHasTheRuleSetOfItsTexts() {
        assertThat(idOf(2013)).isNull();
        assertThat(idOf(2017)).isEqualTo("HD27-2014");
        assertThat(idOf(2018)).isEqualTo("QD132-2018");
        assertThat(idOf(2022)).isEqualTo("QD132-HD21-2019");
        assertThat(idOf(2023)).isEqualTo("QD124-2023");
        assertThat(idOf(2025)).isEqualTo("QD366-2025");
    }

    @Test
    void aProvincesOwnVersionWinsFromItsYearOnly() {
        RatingRuleSet national = sets.forYear(2024, null).orElseThrow();
        RatingRuleSet own = new RatingRuleSet("HG-2024", "Hà Giang 2024", 2024, national.scheme(),
                national.exclusions(), national.discipline(), null, national.civilServant(), null);
        RatingRuleSets local = sets.withProvince("ha-giang", own);

        assertThat(local.forYear(2024, "ha-giang").orElseThrow().id()).isEqualTo("HG-2024");
        assertThat(local.forYear(2023, "ha-giang").orElseThrow().id()).isEqualTo("QD124-2023");
        assertThat(local.forYear(2024, "dien-bien").orElseThrow().id()).isEqualTo("QD124-2023");
        assertThat(local.forYear(2025, "ha-giang").orElseThrow().id()).isEqualTo("QD366-2025");
        assertThat(local.byId("HG-2024")).contains(own);
    }

    @Test
    void theQuotaIsOneExcellentPerFiveGoodComparedWithoutRounding() {
        QuotaRule quota = sets.forYear(2018, null).orElseThrow().quota();

        assertThat(quota.within(1, 5)).isTrue();
        assertThat(quota.within(2, 9)).isFalse();
        assertThat(quota.within(581, 2656)).isFalse();
        assertThat(quota.appliesTo(RatingSubject.MEMBER)).isTrue();
        assertThat(quota.appliesTo(RatingSubject.GRASSROOTS_ORG)).isFalse();
        assertThat(sets.forYear(2023, null).orElseThrow().quota().appliesTo(RatingSubject.GRASSROOTS_ORG)).isTrue();
        assertThat(sets.forYear(2017, null).orElseThrow().quota()).isNull();
    }

    @Test
    void truncationReproducesThePublishedBacMeFiguresAndHalfUpIsTheDefault() {
        assertThat(PercentDisplay.TRUNCATE.format(14, 59, 1)).isEqualTo("23.7%");
        assertThat(PercentDisplay.TRUNCATE.format(45, 59, 1)).isEqualTo("76.2%");
        assertThat(PercentDisplay.HALF_UP.format(45, 59, 1)).isEqualTo("76.3%");
        assertThat(PercentDisplay.TRUNCATE.format(581, 3643, 0)).isEqualTo("15%");
        assertThat(PercentDisplay.HALF_UP.format(1, 0, 1)).isNull();
    }

    @Test
    void fromQd124MembersAdmittedInTheYearsSecondHalfAreNotRated() {
        Exclusions qd124 = sets.forYear(2023, null).orElseThrow().exclusions();
        Exclusions hd21 = sets.forYear(2019, null).orElseThrow().exclusions();

        assertThat(qd124.judge(RatingSubject.MEMBER, 2023, false, false, LocalDate.of(2023, 6, 30))).isEmpty();
        assertThat(qd124.judge(RatingSubject.MEMBER, 2023, false, false, LocalDate.of(2023, 7, 1))).isPresent();
        assertThat(hd21.judge(RatingSubject.MEMBER, 2019, false, false, LocalDate.of(2019, 10, 1))).isEmpty();
        assertThat(hd21.judge(RatingSubject.MEMBER, 2019, false, true, LocalDate.of(2000, 1, 1))).isPresent();
        assertThat(hd21.judge(RatingSubject.LEADER, 2019, false, true, LocalDate.of(2000, 1, 1))).isEmpty();
        assertThat(sets.forYear(2018, null).orElseThrow().exclusions()
                .judge(RatingSubject.MEMBER, 2018, false, true, LocalDate.of(2000, 1, 1))).isEmpty();
    }

    @Test
    void underQd366GoodNeedsEveryTaskOnTimeAndTheScoreOfItsBand() {
        ScoreRule r5 = sets.forYear(2025, null).orElseThrow().score();
        TaskFact late = new TaskFact("t-1", "Nhóm hộ", LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 2),
                TaskFact.Status.LATE);
        TaskFact overdue = new TaskFact("t-2", "Hội nông dân", LocalDate.of(2025, 9, 30), null,
                TaskFact.Status.OVERDUE);
        MemberYearEvidence year = new MemberYearEvidence(2025, false, false, false, null, 12, 12, List.of(),
                List.of(late, overdue), MemberYearEvidence.CommitmentStatus.SUBMITTED);

        assertThat(r5.levelOf(90)).isEqualTo(RatingLevel.EXCELLENT);
        assertThat(r5.levelOf(89)).isEqualTo(RatingLevel.GOOD);
        assertThat(r5.levelOf(49)).isEqualTo(RatingLevel.NOT_COMPLETED);
        assertThat(r5.contradictions(RatingLevel.GOOD, 85, year)).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("t-1").contains("t-2"));
        assertThat(r5.contradictions(RatingLevel.COMPLETED, 60, year)).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("t-2").doesNotContain("t-1"));
        assertThat(r5.contradictions(RatingLevel.EXCELLENT, 80, null)).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("at least 90"));
        assertThat(r5.contradictions(RatingLevel.NOT_COMPLETED, 40, year)).isEmpty();
    }
}
