package vn.partyledger.command.meeting;

import java.time.LocalDate;
import java.util.Optional;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.ResolutionSubject;
import vn.partyledger.api.rules.Rule;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.meeting.CellMeetings;
import vn.partyledger.api.rules.vote.Share;
import vn.partyledger.api.rules.vote.Votes;

/**
 * The Party rules a {@link Meeting} decides by, as in force on one date, taken from the shared rules
 * ({@link CellMeetings}, {@link Votes}) so the query side judges by the same texts. A rule that had no version in force
 * on the date is empty.
 *
 * @param oneRegularPerMonth M1: a second regular meeting in a month is refused unless entered as a correction
 * @param duration           M3: minimum minutes per kind; empty before HD 12/2018
 * @param materials          M5 (HD 42/2025): materials published at least some days before; empty before it applied
 * @param majority           M6: a resolution needs more than half of the eligible voters; empty before QĐ 29/2016
 * @param personnelApproval  P4: admission and recognition need at least two thirds of the official members
 */
record MeetingPolicy(OneRegularPerMonth oneRegularPerMonth, Optional<Duration> duration, Optional<Materials> materials,
                     Optional<Majority> majority, PersonnelApproval personnelApproval) {

    record OneRegularPerMonth(Rule rule) {
        RuleOutcome check(int regularMeetingsAlready, boolean correction) {
            if (regularMeetingsAlready > 0 && !correction) {
                return rule.violation("the cell already has a regular meeting in this month; enter this one as a "
                        + "correction if it replaces or completes it");
            }
            return rule.ok();
        }
    }

    record Duration(CellMeetings.Duration minimum) {
        /** Empty when the kind has no minimum (a chi ủy prep meeting, an extraordinary meeting). */
        Optional<RuleOutcome> check(MeetingKind kind, int minutes) {
            Integer least = minimum.minimumMinutes().get(kind);
            if (least == null) {
                return Optional.empty();
            }
            return Optional.of(minutes >= least ? minimum.rule().ok()
                    : minimum.rule().warning("a " + kind + " meeting lasts at least " + least
                            + " minutes; this one lasted " + minutes));
        }
    }

    record Materials(CellMeetings.Materials materials) {
        RuleOutcome check(LocalDate publishedOn, LocalDate heldOn) {
            Rule rule = materials.rule();
            if (publishedOn == null) {
                return rule.warning("no meeting materials were published before the meeting");
            }
            return publishedOn.plusDays(materials.daysBefore()).isAfter(heldOn)
                    ? rule.warning("materials were published on " + publishedOn + ", less than "
                            + materials.daysBefore() + " day(s) before the meeting")
                    : rule.ok();
        }
    }

    record Majority(Votes.Threshold threshold) {
        RuleOutcome check(int votesFor, int eligible) {
            Share share = threshold.share();
            return share.exceededBy(votesFor, eligible) ? threshold.rule().ok()
                    : threshold.rule().warning(votesFor + " of " + eligible + " eligible voters approved; more than "
                            + share + " is needed");
        }
    }

    record PersonnelApproval(Votes.Threshold threshold) {
        RuleOutcome check(int votesFor, int officialMembers) {
            Share share = threshold.share();
            return share.reachedBy(votesFor, officialMembers) ? threshold.rule().ok()
                    : threshold.rule().warning(votesFor + " of " + officialMembers + " official members approved; at "
                            + "least " + share + " is needed");
        }
    }

    /**
     * The outcome a resolution on {@code subject} is judged by: M6 for every resolution, and for admission or
     * recognition also P4 (the stricter of the two decides). A warning means the resolution did not pass. Only called
     * when M6 was in force on the meeting's date.
     */
    RuleOutcome validity(ResolutionSubject subject, int votesFor, int eligible, int officialMembers) {
        RuleOutcome m6 = majority.orElseThrow().check(votesFor, eligible);
        if (subject == ResolutionSubject.GENERAL || m6.isWarning()) {
            return m6;
        }
        return personnelApproval.check(votesFor, officialMembers);
    }
}
