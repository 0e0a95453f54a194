package vn.partyledger.command.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Command-side view of the organisation tree, for rules that cross aggregates (parent exists and is active, no cycles,
 * official-member counts for O1/O3). Kept current by a subscribing processor in the same transaction as the events,
 * so a command never decides on a stale tree. Not exposed through the query API.
 */
public interface OrganizationDirectory {

    Optional<OrganizationEntry> find(String organizationId);

    /** Ids from the parent up to the root, nearest first (current parents). */
    List<String> ancestors(String organizationId);

    /** Active direct children. */
    int activeChildren(String organizationId);

    /** Members whose home roll is this organisation (probationary + official). */
    int membersOnRoll(String organizationId);

    /** Official members on this organisation's own roll. */
    int officialMembers(String organizationId);

    /**
     * The earliest business date the record of others ties to this organisation: a roll fact moving a member to it, a
     * child organisation established under it, a meeting it held (retracted ones aside). Its establishment cannot be
     * corrected to a later date.
     */
    Optional<LocalDate> earliestFactAbout(String organizationId);
}
