package vn.partyledger.command.meeting;

import vn.partyledger.api.rules.RuleOutcome;

/** A rule code and the regulation it comes from, carried by every outcome the rule produces. */
record MeetingRule(String code, String basis) {

    RuleOutcome ok() {
        return RuleOutcome.ok(code, basis);
    }

    RuleOutcome warning(String message) {
        return RuleOutcome.warning(code, basis, message);
    }

    RuleOutcome violation(String message) {
        return RuleOutcome.violation(code, basis, message);
    }
}
