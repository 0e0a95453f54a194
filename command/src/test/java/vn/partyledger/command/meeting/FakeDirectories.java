package vn.partyledger.command.meeting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partyledger.api.meeting.RollMember;
import vn.partyledger.command.directory.MeetingDirectory;
import vn.partyledger.command.directory.MeetingEntry;
import vn.partyledger.command.directory.MeetingRoll;

/** In-memory stand-ins for the command-side lookups a meeting reads: organisations, meetings and the dated roll. */
final class FakeDirectories {

    private FakeDirectories() {
    }

    static final class Meetings implements MeetingDirectory, MeetingRoll {
        private final Map<String, MeetingEntry> meetings = new HashMap<>();
        private final Map<String, List<RollMember>> rolls = new HashMap<>();
        private LocalDate rollFrom = LocalDate.MIN;

        Meetings with(MeetingEntry entry) {
            meetings.put(entry.meetingId(), entry);
            return this;
        }

        /** The roll holds from {@code from} on; before it nobody is on it. */
        Meetings roll(String organizationId, LocalDate from, List<RollMember> members) {
            rolls.put(organizationId, new ArrayList<>(members));
            rollFrom = from;
            return this;
        }

        @Override
        public Optional<MeetingEntry> find(String meetingId) {
            return Optional.ofNullable(meetings.get(meetingId));
        }

        @Override
        public List<MeetingEntry> regularMeetings(String organizationId, YearMonth month) {
            return meetings.values().stream().filter(m -> m.organizationId().equals(organizationId)
                    && YearMonth.from(m.heldOn()).equals(month) && m.kind().isRegular()).toList();
        }

        @Override
        public List<RollMember> on(String organizationId, LocalDate date) {
            return date.isBefore(rollFrom) ? List.of() : rolls.getOrDefault(organizationId, List.of());
        }
    }
}
