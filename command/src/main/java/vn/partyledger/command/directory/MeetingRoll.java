package vn.partyledger.command.directory;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.meeting.RollMember;

/**
 * Command-side roll of an organisation as of a business date, for the roll snapshot a meeting announces and the
 * attendance it accepts. Kept current by the subscribing processor like {@link MemberDirectory}.
 */
public interface MeetingRoll {

    /** Everyone on the organisation's roll on {@code date}, and its temporary guests (transferred in). */
    List<RollMember> on(String organizationId, LocalDate date);
}
