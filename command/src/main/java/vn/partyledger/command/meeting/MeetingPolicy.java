package vn.partyledger.command.meeting;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.ResolutionSubject;
import vn.partyledger.api.rules.RuleOutcome;

/**
 * The Party rules a {@link Meeting} decides by, as in force on one date. Thresholds are parameters, so a province's
 * variant or a new guidance is a new version in {@link MeetingRules}, not a code change.
 *
 * @param oneRegularPerMonth M1: a second regular meeting in a month is refused unless entered as a correction
 * @param duration           M3: minimum minutes per kind
 * @param materials          M5 (HD 42/2025): materials published at least some days before; empty before it applied
 * @param majority           M6: a resolution needs more than num/den of the eligible voters
 * @param personnelApproval  P4: admission and recognition need at least num/den of the official members
 */
record MeetingPolicy(OneRegularPerMonth oneRegularPerMonth, Duration duration, Optional<Materials> materials,
                     Majority majority, PersonnelApproval personnelApproval) {

    record OneRegularPerMonth(MeetingRule rule) {
        RuleOutcome check(int regularMeetingsAlready, boolean correction) {
            if (regularMeetingsAlready > 0 && !correction) {
                return rule.violation("the cell already has a regular meeting in this month; enter this one as a "
                        + "correction if it replaces or completes it");
            }
            return rule.ok();
        }
    }

    record Duration(MeetingRule rule, Map<MeetingKind, Integer> minimumMinutes) {
        Duration {
            minimumMinutes = Map.copyOf(minimumMinutes);
        }

        /** Empty when the kind has no minimum (a chi ủy prep meeting, an extraordinary meeting). */
        Optional<RuleOutcome> check(MeetingKind kind, int minutes) {
            Integer minimum = minimumMinutes.get(kind);
            if (minimum == null) {
                return Optional.empty();
            }
            return Optional.of(minutes >= minimum ? rule.ok()
                    : rule.warning("a " + kind + " meeting lasts at least " + minimum + " minutes; this one lasted "
                            + minutes));
        }
    }

    record Materials(MeetingRule rule, int daysBefore) {
        RuleOutcome check(LocalDate publishedOn, LocalDate heldOn) {
            if (publishedOn == null) {
                return rule.warning("no meeting materials were published before the meeting");
            }
            return publishedOn.plusDays(daysBefore).isAfter(heldOn)
                    ? rule.warning("materials were published on " + publishedOn + ", less than " + daysBefore
                            + " day(s) before the meeting")
                    : rule.ok();
        }
    }

    record Majority(MeetingRule rule, int numerator, int denominator) {
        RuleOutcome check(int votesFor, int eligible) {
            return denominator * votesFor > numerator * eligible ? rule.ok()
                    : rule.warning(votesFor + " of " + eligible + " eligible voters approved; more than "
                            + numerator + "/" + denominator + " is needed");
        }
    }

    record PersonnelApproval(MeetingRule rule, int numerator, int denominator) {
        RuleOutcome check(int votesFor, int officialMembers) {
            return denominator * votesFor >= numerator * officialMembers ? rule.ok()
                    : rule.warning(votesFor + " of " + officialMembers + " official members approved; at least "
                            + numerator + "/" + denominator + " is needed");
        }
    }

    /**
     * The outcome a resolution on {@code subject} is judged by: M6 for every resolution, and for admission or
     * recognition also P4 (the stricter of the two decides). A warning means the resolution did not pass.
     */
    RuleOutcome validity(ResolutionSubject subject, int votesFor, int eligible, int officialMembers) {
        RuleOutcome m6 = majority.check(votesFor, eligible);
        if (subject == ResolutionSubject.GENERAL || m6.isWarning()) {
            return m6;
        }
        return personnelApproval.check(votesFor, officialMembers);
    }
}
