package vn.partyledger.command.organization;

import vn.partyledger.api.rules.RuleOutcome;

/** A rule code and the regulation it comes from, as carried by every outcome the rule produces. */
record Regulation(String rule, String basis) {

    RuleOutcome ok() {
        return RuleOutcome.ok(rule, basis);
    }

    RuleOutcome violation(String message) {
        return RuleOutcome.violation(rule, basis, message);
    }

    RuleOutcome violationUnless(boolean holds, String message) {
        return holds ? ok() : violation(message);
    }
}
