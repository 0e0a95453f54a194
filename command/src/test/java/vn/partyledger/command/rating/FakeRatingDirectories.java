package vn.partyledger.command.rating;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.rules.rating.MemberYearEvidence;
import vn.partyledger.api.rules.rating.TaskFact;
import vn.partyledger.command.directory.MemberStanding;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.command.directory.OrganizationEntry;
import vn.partyledger.command.directory.RatingLookups;

/** A small tree (province → commune → cells) with members and their year's tasks, in memory. */
final class FakeRatingDirectories implements OrganizationDirectory, RatingLookups {

    private final Map<String, OrganizationEntry> organizations = new LinkedHashMap<>();
    private final Map<String, MemberStanding> members = new HashMap<>();
    private final Map<String, List<TaskFact>> tasks = new HashMap<>();

    FakeRatingDirectories organization(String id, OrganizationLevel level, String parentId, boolean grassroots) {
        organizations.put(id, new OrganizationEntry(id, level, null, parentId, grassroots, true));
        return this;
    }

    FakeRatingDirectories member(String id, String cell, LocalDate admittedOn) {
        members.put(id, new MemberStanding(id, cell, MemberStatus.OFFICIAL, false, false, false, admittedOn));
        return this;
    }

    FakeRatingDirectories exempt(String id, String cell) {
        members.put(id, new MemberStanding(id, cell, MemberStatus.OFFICIAL, true, false, false,
                LocalDate.of(1990, 1, 1)));
        return this;
    }

    FakeRatingDirectories task(String memberId, TaskFact task) {
        tasks.computeIfAbsent(memberId, k -> new ArrayList<>()).add(task);
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
        return (int) organizations.values().stream().filter(o -> organizationId.equals(o.parentId())).count();
    }

    @Override
    public int membersOnRoll(String organizationId) {
        return (int) members.values().stream().filter(m -> m.organizationId().equals(organizationId)).count();
    }

    @Override
    public int officialMembers(String organizationId) {
        return membersOnRoll(organizationId);
    }

    @Override
    public Map<String, MemberStanding> standings(Collection<String> memberIds, LocalDate date) {
        Map<String, MemberStanding> found = new HashMap<>();
        memberIds.stream().filter(members::containsKey).forEach(id -> found.put(id, members.get(id)));
        return found;
    }

    @Override
    public Map<String, MemberYearEvidence> evidence(Collection<String> memberIds, int year, LocalDate asOf) {
        Map<String, MemberYearEvidence> all = new LinkedHashMap<>();
        for (String id : memberIds) {
            MemberStanding s = members.get(id);
            all.put(id, new MemberYearEvidence(year, s.fullyExempt(), s.suspended(), s.temporarilyExempt(),
                    s.admittedOn(), 12, 12, List.of(), tasks.getOrDefault(id, List.of()),
                    MemberYearEvidence.CommitmentStatus.SUBMITTED));
        }
        return all;
    }

    /** No record ties facts to these organisations: their establishments are not corrected here. */
    @Override
    public Optional<LocalDate> earliestFactAbout(String organizationId) {
        return Optional.empty();
    }
}
