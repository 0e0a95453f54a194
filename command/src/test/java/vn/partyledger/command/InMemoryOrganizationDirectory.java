package vn.partyledger.command;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.command.directory.OrganizationEntry;

/** Stands in for the directory the subscribing processor keeps, for aggregate tests that only look organisations up. */
public class InMemoryOrganizationDirectory implements OrganizationDirectory {

    private final Map<String, OrganizationEntry> entries = new HashMap<>();

    public InMemoryOrganizationDirectory with(OrganizationEntry entry) {
        entries.put(entry.organizationId(), entry);
        return this;
    }

    @Override
    public Optional<OrganizationEntry> find(String organizationId) {
        return Optional.ofNullable(entries.get(organizationId));
    }

    @Override
    public List<String> ancestors(String organizationId) {
        return List.of();
    }

    @Override
    public int activeChildren(String organizationId) {
        return 0;
    }

    @Override
    public int membersOnRoll(String organizationId) {
        return 0;
    }

    @Override
    public int officialMembers(String organizationId) {
        return 0;
    }

    /** No record ties facts to these organisations: their establishments are not corrected here. */
    @Override
    public Optional<LocalDate> earliestFactAbout(String organizationId) {
        return Optional.empty();
    }
}
