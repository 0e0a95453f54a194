package vn.partyledger.command.organization;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.organization.OfficerRole;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.rules.RuleOutcome;

/**
 * Who may hold which officer post (O3) and who may stand at all (P7), in force on a date.
 *
 * @param posts             the rule on posts and seats (O3)
 * @param candidacy         the rule on who may be elected or appointed (P7)
 * @param eligibleStatuses  member statuses that may hold a post
 * @param rolesByLevel      posts that exist at each level
 * @param singleHolderRoles posts one person holds at a time; a successor needs the holder's removal first
 * @param rollOfParent      levels whose members sit on the parent's roll (a party group's are on its cell's roll)
 * @param cellCommittee     thresholds for a cell and its committee (chi ủy)
 */
record OfficerRules(Regulation posts,
                    Regulation candidacy,
                    Set<MemberStatus> eligibleStatuses,
                    Map<OrganizationLevel, Set<OfficerRole>> rolesByLevel,
                    Set<OfficerRole> singleHolderRoles,
                    Set<OrganizationLevel> rollOfParent,
                    CellCommittee cellCommittee) {

    OfficerRules {
        eligibleStatuses = Set.copyOf(eligibleStatuses);
        rolesByLevel = Map.copyOf(rolesByLevel);
        singleHolderRoles = Set.copyOf(singleHolderRoles);
        rollOfParent = Set.copyOf(rollOfParent);
    }

    /**
     * @param level          the level these thresholds apply to
     * @param minOfficials   official members from which the cell elects a chi ủy
     * @param maxSeats       seats of a chi ủy
     * @param memberRole     the post of a plain chi ủy member
     * @param seatRoles      posts that occupy a chi ủy seat (one seat per person, whatever posts they hold)
     * @param deputyRole     the deputy secretary's post
     * @param maxDeputies    deputies a cell has, with or without a chi ủy
     */
    record CellCommittee(OrganizationLevel level, int minOfficials, int maxSeats, OfficerRole memberRole,
                         Set<OfficerRole> seatRoles, OfficerRole deputyRole, int maxDeputies) {

        CellCommittee {
            seatRoles = Set.copyOf(seatRoles);
        }
    }

    RuleOutcome roleExists(OrganizationLevel level, OfficerRole role) {
        Set<OfficerRole> roles = rolesByLevel.getOrDefault(level, Set.of());
        return posts.violationUnless(roles.contains(role),
                "a " + level + " has no " + role + " post; its posts are " + roles);
    }

    /** The organisation on whose roll an officer of this node must be. */
    String rollOf(OrganizationLevel level, String organizationId, String parentId) {
        return rollOfParent.contains(level) ? parentId : organizationId;
    }

    RuleOutcome onRoll(boolean onRoll, String memberId, String rollId) {
        return posts.violationUnless(onRoll, "member " + memberId + " is not on the roll of " + rollId
                + "; officers are elected from the organisation's own members");
    }

    RuleOutcome candidacy(MemberStatus status) {
        return candidacy.violationUnless(eligibleStatuses.contains(status),
                "a " + status + " member cannot stand for election or be appointed to a post");
    }

    /**
     * Whether {@code memberId} may take {@code role} next to the posts already held over the same period.
     *
     * @param officialMembers official members on the organisation's own roll today
     * @param concurrent      posts whose term overlaps the new one
     */
    RuleOutcome seats(OrganizationLevel level, OfficerRole role, String memberId, int officialMembers,
                      Collection<Post> concurrent) {
        if (singleHolderRoles.contains(role)) {
            var holder = concurrent.stream().filter(p -> p.role() == role).findFirst();
            if (holder.isPresent()) {
                return posts.violation("member " + holder.get().memberId() + " holds the " + role
                        + " post; record their removal before assigning a successor");
            }
        }
        return level == cellCommittee.level()
                ? cellSeats(role, memberId, officialMembers, concurrent)
                : posts.ok();
    }

    private RuleOutcome cellSeats(OfficerRole role, String memberId, int officialMembers,
                                  Collection<Post> concurrent) {
        boolean electsCommittee = officialMembers >= cellCommittee.minOfficials();
        if (role == cellCommittee.memberRole() && !electsCommittee) {
            return posts.violation("a cell elects a chi ủy only with at least " + cellCommittee.minOfficials()
                    + " official members; this one has " + officialMembers
                    + ", so it has a secretary and at most " + cellCommittee.maxDeputies() + " deputy");
        }
        long deputies = concurrent.stream().filter(p -> p.role() == cellCommittee.deputyRole()).count();
        if (role == cellCommittee.deputyRole() && deputies >= cellCommittee.maxDeputies()) {
            return posts.violation("a cell has at most " + cellCommittee.maxDeputies() + " "
                    + cellCommittee.deputyRole() + "; record the removal of the current one first");
        }
        if (electsCommittee && cellCommittee.seatRoles().contains(role)) {
            var seated = concurrent.stream().filter(p -> cellCommittee.seatRoles().contains(p.role()))
                    .map(Post::memberId).distinct().toList();
            if (!seated.contains(memberId) && seated.size() >= cellCommittee.maxSeats()) {
                return posts.violation("the chi ủy has at most " + cellCommittee.maxSeats()
                        + " seats and all are taken");
            }
        }
        return posts.ok();
    }
}
