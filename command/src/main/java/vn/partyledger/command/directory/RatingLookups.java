package vn.partyledger.command.directory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import vn.partyledger.api.rules.rating.MemberYearEvidence;

/**
 * Command-side facts a rating is judged on: a member's standing on a date (R1) and what the ledger knows of a member's
 * year (R5's evidence). Kept current by the subscribing processor, like {@link MemberDirectory}.
 */
public interface RatingLookups {

    /** The member's home roll on {@code date}; empty when the member is on no roll that day. */
    Optional<MemberStanding> standing(String memberId, LocalDate date);

    /** Evidence for each of {@code memberIds} in {@code year}, judged on {@code asOf} (tasks still open then are overdue). */
    Map<String, MemberYearEvidence> evidence(Collection<String> memberIds, int year, LocalDate asOf);
}
