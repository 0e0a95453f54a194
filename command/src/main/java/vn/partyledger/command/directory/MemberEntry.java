package vn.partyledger.command.directory;

import java.time.LocalDate;
import vn.partyledger.api.member.MemberStatus;

/** One member as the command side needs it: home organisation, status, and since when official. */
public record MemberEntry(String memberId, String organizationId, MemberStatus status, LocalDate officialSince) {
}
