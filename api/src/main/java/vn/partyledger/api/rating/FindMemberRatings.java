package vn.partyledger.api.rating;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Query: a member's ratings across years, with the rule set applied each year. {@code asOf}: true on that business
 * date (steps and decisions dated by then; null = today); {@code knownAt}: as the ledger stood at that instant (null =
 * now).
 */
public record FindMemberRatings(String memberId, LocalDate asOf, Instant knownAt) {

    public FindMemberRatings(String memberId) {
        this(memberId, null, null);
    }
}
