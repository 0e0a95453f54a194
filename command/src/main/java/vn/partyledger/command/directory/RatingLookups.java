package vn.partyledger.command.directory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import vn.partyledger.api.rules.rating.MemberYearEvidence;

/**
 * Command-side facts a rating is judged on: a member's standing on a date (R1) and what the ledger knows of a member's
 * year (R5's evidence). Kept current by the subscribing processor, like {@link MemberDirectory}.
 */
public interface RatingLookups {

    /** The members' home rolls on {@code date}, in one read; a member on no roll that day is missing from the map. */
    Map<String, MemberStanding> standings(Collection<String> memberIds, LocalDate date);

    /** Evidence for each of {@code memberIds} in {@code year}, judged on {@code asOf} (tasks still open then are overdue). */
    Map<String, MemberYearEvidence> evidence(Collection<String> memberIds, int year, LocalDate asOf);
}
