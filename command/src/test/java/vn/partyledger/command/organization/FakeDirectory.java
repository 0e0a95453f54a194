package vn.partyledger.command.organization;

import java.util.ArrayList;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.command.directory.OrganizationEntry;

/**
 * In-memory stand-in for the command-side directory, set up by each test to mirror the tree it talks about. The
 * member side is a separate object because both interfaces declare {@code find(String)}.
 */
final class FakeDirectory implements OrganizationDirectory {

    private final Map<String, OrganizationEntry> organizations = new LinkedHashMap<>();
    private final Map<String, MemberEntry> members = new LinkedHashMap<>();
    private final Map<String, LocalDate> earliestFacts = new LinkedHashMap<>();

    FakeDirectory organization(String id, OrganizationLevel level, String parentId) {
        CellType cellType = level == OrganizationLevel.CELL ? CellType.VILLAGE : null;
        organizations.put(id, new OrganizationEntry(id, level, cellType, parentId, false, true));
        return this;
    }

    /** Records that another record ties a fact of {@code on} to the organisation (a member, a child, a meeting). */
    FakeDirectory factAbout(String id, LocalDate on) {
        earliestFacts.merge(id, on, (a, b) -> a.isBefore(b) ? a : b);
        return this;
    }

    FakeDirectory ended(String id) {
        OrganizationEntry e = organizations.get(id);
        organizations.put(id, new OrganizationEntry(id, e.level(), e.cellType(), e.parentId(), e.grassroots(), false));
        return this;
    }

    FakeDirectory member(String id, String organizationId, MemberStatus status) {
        members.put(id, new MemberEntry(id, organizationId, status, null));
        return this;
    }

    /** Adds {@code count} official members to the roll of {@code organizationId}. */
    FakeDirectory officials(String organizationId, int count) {
        for (int i = 0; i < count; i++) {
            member(organizationId + "-official-" + i, organizationId, MemberStatus.OFFICIAL);
        }
        return this;
    }

    @Override
    public Optional<OrganizationEntry> find(String organizationId) {
        return Optional.ofNullable(organizations.get(organizationId));
    }

    @Override
    public List<String> ancestors(String organizationId) {
        List<String> up = new ArrayList<>();
        OrganizationEntry e = organizations.get(organizationId);
        while (e != null && e.parentId() != null) {
            up.add(e.parentId());
            e = organizations.get(e.parentId());
        }
        return up;
    }

    @Override
    public int activeChildren(String organizationId) {
        return (int) organizations.values().stream()
                .filter(o -> o.active() && organizationId.equals(o.parentId())).count();
    }

    @Override
    public int membersOnRoll(String organizationId) {
        return (int) members.values().stream()
                .filter(m -> m.organizationId().equals(organizationId) && m.status().isOnRoll()).count();
    }

    @Override
    public int officialMembers(String organizationId) {
        return (int) members.values().stream()
                .filter(m -> m.organizationId().equals(organizationId) && m.status() == MemberStatus.OFFICIAL)
                .count();
    }

    MemberDirectory members() {
        return memberId -> Optional.ofNullable(members.get(memberId));
    }

    @Override
    public Optional<LocalDate> earliestFactAbout(String organizationId) {
        return Optional.ofNullable(earliestFacts.get(organizationId));
    }
}
