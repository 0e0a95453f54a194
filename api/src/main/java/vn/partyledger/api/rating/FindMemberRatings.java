package vn.partyledger.api.rating;

/** Query: a member's ratings across years, with the rule set applied each year. */
public record FindMemberRatings(String memberId) {
}
