package vn.partyledger.command.member;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;

class InMemoryMemberDirectory implements MemberDirectory {

    private final Map<String, MemberEntry> entries = new HashMap<>();

    InMemoryMemberDirectory with(MemberEntry entry) {
        entries.put(entry.memberId(), entry);
        return this;
    }

    @Override
    public Optional<MemberEntry> find(String memberId) {
        return Optional.ofNullable(entries.get(memberId));
    }
}
