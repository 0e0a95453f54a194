package vn.partyledger.api.rules.rating;

/**
 * The rules a rating year is judged by (domain §0, §2.6), each a named policy with its legal basis. Rules a year does
 * not have are null: no quota before 2018, no civil-servant cap before HD 21/2019, no 100-point frame before QĐ 366.
 * {@code fromYear}: the first rating year it applies to.
 */
public record RatingRuleSet(String id, String title, int fromYear, RatingScheme scheme, Exclusions exclusions,
                            DisciplineRule discipline, QuotaRule quota, CivilServantRule civilServant,
                            ScoreRule score) {

    public boolean scored() {
        return score != null;
    }
}
