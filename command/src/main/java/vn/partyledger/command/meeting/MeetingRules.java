package vn.partyledger.command.meeting;

import java.time.LocalDate;
import vn.partyledger.api.rules.Effective;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.NoVersionInForceException;
import vn.partyledger.api.rules.meeting.CellMeetings;
import vn.partyledger.api.rules.vote.Votes;
import vn.partyledger.command.meeting.MeetingPolicy.Duration;
import vn.partyledger.command.meeting.MeetingPolicy.Majority;
import vn.partyledger.command.meeting.MeetingPolicy.Materials;
import vn.partyledger.command.meeting.MeetingPolicy.OneRegularPerMonth;
import vn.partyledger.command.meeting.MeetingPolicy.PersonnelApproval;

/** The versions of {@link MeetingPolicy} by effective date; a handler parameter, so provinces can replace the bean. */
final class MeetingRules {

    private final Effective<MeetingPolicy> versions;

    MeetingRules(Effective<MeetingPolicy> versions) {
        this.versions = versions;
    }

    /**
     * The rules in force on the meeting's date.
     *
     * @throws NoVersionInForceException before the first version (M1 rests on the 2011 Charter)
     */
    MeetingPolicy at(LocalDate heldOn) {
        return versions.at(heldOn);
    }

    /** As {@link #at}, a meeting older than every version refused naming M1, the rule every meeting is judged by. */
    MeetingPolicy judging(LocalDate heldOn, String field) {
        try {
            return versions.at(heldOn);
        } catch (NoVersionInForceException e) {
            throw LedgerRefusalException.noVersionInForce("M1", field, e);
        }
    }

    /** A resolution needs M6 in force on the meeting's date to be judged at all. */
    static MeetingPolicy.Majority majority(MeetingPolicy policy, LocalDate heldOn, String field) {
        return policy.majority().orElseThrow(() -> LedgerRefusalException.noVersionInForce("M6", field,
                new NoVersionInForceException(heldOn, Votes.MAJORITY.firstFrom())));
    }

    /** Each rule keeps its own versions (a new text for one rule changes only that rule's basis). */
    static MeetingRules standard() {
        return new MeetingRules(Effective.assembled(d -> new MeetingPolicy(
                        new OneRegularPerMonth(CellMeetings.MONTHLY.at(d)),
                        CellMeetings.DURATION.find(d).map(Duration::new),
                        CellMeetings.MATERIALS.find(d).map(Materials::new),
                        Votes.MAJORITY.find(d).map(Majority::new),
                        new PersonnelApproval(Votes.PERSONNEL_APPROVAL.at(d))),
                CellMeetings.MONTHLY, CellMeetings.DURATION, CellMeetings.MATERIALS, Votes.MAJORITY,
                Votes.PERSONNEL_APPROVAL));
    }
}
