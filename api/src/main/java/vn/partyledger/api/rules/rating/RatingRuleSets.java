package vn.partyledger.api.rules.rating;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rule sets keyed by the rating year, with per-province versions where a province has its own (seeds show local
 * variants). A year before the first version has no rule set in force: it is refused, never judged by a later text.
 */
public record RatingRuleSets(List<RatingRuleSet> national, Map<String, List<RatingRuleSet>> provincial) {

    static final RatingScheme FOUR_LEVELS = new RatingScheme(
            List.of(RatingLevel.EXCELLENT, RatingLevel.GOOD, RatingLevel.COMPLETED, RatingLevel.NOT_COMPLETED),
            List.of(RatingLevel.EXCELLENT, RatingLevel.GOOD, RatingLevel.COMPLETED, RatingLevel.NOT_COMPLETED));
    static final RatingScheme LEGACY = new RatingScheme(
            List.of(RatingLevel.EXCELLENT, RatingLevel.GOOD, RatingLevel.COMPLETED, RatingLevel.NOT_COMPLETED),
            List.of(RatingLevel.LEGACY_CLEAN_STRONG, RatingLevel.GOOD, RatingLevel.LEGACY_WEAK));

    private static final String HD27_2014 = "HD 27-HD/BTCTW (2014)";
    private static final String QD132 = "QĐ 132-QĐ/TW (08/03/2018), HD 16-HD/BTCTW (24/09/2018)";
    private static final String HD21 = "QĐ 132-QĐ/TW (08/03/2018), HD 21-HD/BTCTW (18/10/2019)";
    private static final String QD124 = "QĐ 124-QĐ/TW (04/10/2023), HD 25-HD/BTCTW (2023)";
    private static final String QD366 = "QĐ 366-QĐ/TW (30/08/2025), HD 43-HD/BTCTW (31/10/2025)";

    /** Quota for members only until QĐ 124 extended it to collectives "with similar roles". */
    private static final EnumSet<RatingSubject> MEMBERS = EnumSet.of(RatingSubject.MEMBER);
    private static final EnumSet<RatingSubject> ALL = EnumSet.allOf(RatingSubject.class);

    private static final List<RatingRuleSet> NATIONAL = List.of(
            new RatingRuleSet("HD27-2014", "Pre-2018 labels: trong sạch, vững mạnh / yếu kém (" + HD27_2014 + ")",
                    2014, LEGACY, new Exclusions("HD 27-HD/BTCTW (2009) on full exemption, " + HD27_2014, false, 0),
                    null, null, null, null),
            new RatingRuleSet("QD132-2018", "Four levels (" + QD132 + ")", 2018, FOUR_LEVELS,
                    new Exclusions(QD132, false, 0), new DisciplineRule(QD132),
                    new QuotaRule(20, MEMBERS, QD132), null, null),
            new RatingRuleSet("QD132-HD21-2019", "Four levels (" + HD21 + ")", 2019, FOUR_LEVELS,
                    new Exclusions(HD21, true, 0), new DisciplineRule(HD21),
                    new QuotaRule(20, MEMBERS, HD21 + ": trong từng tổ chức cơ sở đảng"),
                    new CivilServantRule(HD21), null),
            new RatingRuleSet("QD124-2023", "Four levels (" + QD124 + ")", 2023, FOUR_LEVELS,
                    new Exclusions(QD124, true, 6), new DisciplineRule(QD124 + ", Art. 12 §4.3d"),
                    new QuotaRule(20, ALL, QD124 + ": within each group with similar roles"),
                    new CivilServantRule(HD21), null),
            new RatingRuleSet("QD366-2025", "Four levels on the 100-point frame (" + QD366 + ")", 2025, FOUR_LEVELS,
                    new Exclusions(QD124 + "; " + QD366, true, 6), new DisciplineRule(QD124 + ", Art. 12 §4.3d"),
                    new QuotaRule(20, ALL, QD366 + " (quota text unverified; NĐ 335/2025 keeps 20%)"),
                    new CivilServantRule(HD21), new ScoreRule(30, 70, 90, 70, 50, QD366)));

    public RatingRuleSets {
        national = List.copyOf(national);
        provincial = Map.copyOf(provincial);
    }

    public static RatingRuleSets standard() {
        return new RatingRuleSets(NATIONAL, Map.of());
    }

    /** A province's own version from {@code set.fromYear()} on (it replaces the national one for later years too). */
    public RatingRuleSets withProvince(String provinceId, RatingRuleSet set) {
        Map<String, List<RatingRuleSet>> copy = new HashMap<>(provincial);
        copy.put(provinceId, Stream.concat(copy.getOrDefault(provinceId, List.of()).stream(), Stream.of(set)).toList());
        return new RatingRuleSets(national, Map.copyOf(copy));
    }

    /** The rule set in force for {@code year} in {@code provinceId} (null = national); empty before the first. */
    public Optional<RatingRuleSet> forYear(int year, String provinceId) {
        List<RatingRuleSet> own = provinceId == null ? List.of() : provincial.getOrDefault(provinceId, List.of());
        return Stream.concat(national.stream(), own.stream())
                .filter(s -> s.fromYear() <= year)
                // the latest start wins; on the same start year the province's own version wins
                .max(Comparator.comparingInt(RatingRuleSet::fromYear).thenComparing(own::contains));
    }

    /** Any rule set by id, national or provincial: a stored rating names the one it was judged by. */
    public Optional<RatingRuleSet> byId(String id) {
        return Stream.concat(national.stream(), provincial.values().stream().flatMap(List::stream))
                .filter(s -> s.id().equals(id)).findFirst();
    }
}
