package vn.partyledger.command.directory;

import java.util.Optional;

/**
 * Command-side view of members, for rules that cross aggregates: introducers must be official members (P3), officers
 * must be on the organisation's roll (O3). Kept current like {@link OrganizationDirectory}.
 */
public interface MemberDirectory {

    Optional<MemberEntry> find(String memberId);
}
