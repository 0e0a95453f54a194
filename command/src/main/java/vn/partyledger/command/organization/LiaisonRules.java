package vn.partyledger.command.organization;

import java.util.List;
import java.util.Set;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.rules.RuleOutcome;

/**
 * Who may follow an organisation as the superior committee's liaison (cấp ủy viên phụ trách), in force on a date.
 *
 * @param regulation       the rule and where it comes from
 * @param eligibleStatuses statuses a liaison may have: liaisons sit on a superior committee
 */
record LiaisonRules(Regulation regulation, Set<MemberStatus> eligibleStatuses) {

    LiaisonRules {
        eligibleStatuses = Set.copyOf(eligibleStatuses);
    }

    RuleOutcome superior(String superiorOrganizationId, List<String> ancestors) {
        return regulation.violationUnless(ancestors.contains(superiorOrganizationId),
                superiorOrganizationId + " is not a superior of this organisation; a liaison comes from a committee "
                        + "above it in the tree");
    }

    RuleOutcome liaison(MemberStatus status) {
        return regulation.violationUnless(eligibleStatuses.contains(status),
                "a " + status + " member cannot act as liaison of a superior committee");
    }
}
