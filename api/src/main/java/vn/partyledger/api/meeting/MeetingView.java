package vn.partyledger.api.meeting;

import java.time.LocalDate;
import java.util.List;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.rules.RuleOutcome;

/** Result: one meeting's minutes as recorded, amendments included. */
public record MeetingView(String meetingId, String organizationId, MeetingKind kind, LocalDate heldOn, String state,
                          boolean correction, List<String> agenda, LocalDate materialsPublishedOn,
                          String materialsChannel, String chairMemberId, String minutesSecretaryMemberId,
                          RollSnapshot roll, List<AttendanceEntry> attendance, List<GuestInfo> guests,
                          List<AgendaEntry> agendaItems, List<ResolutionView> resolutions, FeeReport feeReport,
                          Integer durationMinutes, Integer attended, Integer requiredToAttend,
                          List<RuleOutcome> outcomes, List<Amendment> amendments, Provenance provenance) {

    public record ResolutionView(int number, ResolutionSubject subject, String text, int votesFor, int votesAgainst,
                                 int abstentions, int eligible, boolean adopted, RuleOutcome outcome) {
    }

    public record Amendment(String correctsEventId, String text, String approvedAtMeetingId, LocalDate approvedOn) {
    }
}
