package vn.partyledger.command.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.partyledger.api.member.MemberStatus;

/**
 * Folds one member's facts, in business-date order, into the periods in which the member is on (or a temporary guest
 * of) a roll. The query side keeps its own fold for the read models; the command module may not read those, so the
 * same life-cycle is folded here for the meeting roll (module rule: command never reads query-side tables).
 */
final class RollFold {

    enum Kind {
        ADMITTED, ENROLLED, MADE_OFFICIAL, LEFT_ROLL,
        OFFICIAL_TRANSFER_ISSUED_OUTSIDE, OFFICIAL_TRANSFER_ISSUED, OFFICIAL_TRANSFER_RECEIVED,
        TEMPORARY_TRANSFER_ISSUED_OUTSIDE, TEMPORARY_TRANSFER_RECEIVED, TEMPORARY_TRANSFER_ENDED,
        FULL_EXEMPTION_GRANTED, FULL_EXEMPTION_ENDED, TEMPORARY_EXEMPTION_GRANTED, TEMPORARY_EXEMPTION_ENDED,
        SUSPENDED, REINSTATED
    }

    record Fact(LocalDate on, Kind kind, String organizationId) {
    }

    record Row(String organizationId, MemberStatus membership, boolean fullyExempt, boolean temporarilyExempt,
               boolean suspended, boolean transferredIn, boolean transferredOut) {
    }

    record Period(Row row, LocalDate from, LocalDate to) {
    }

    private RollFold() {
    }

    /** {@code facts} in business-date order, then recording order. */
    static List<Period> fold(List<Fact> facts) {
        State state = new State();
        Map<Row, LocalDate> open = new LinkedHashMap<>();
        List<Period> periods = new ArrayList<>();
        int i = 0;
        while (i < facts.size()) {
            LocalDate day = facts.get(i).on();
            // Same-day facts are applied together so that a day never produces an empty period.
            while (i < facts.size() && Objects.equals(facts.get(i).on(), day)) {
                state.apply(facts.get(i));
                i++;
            }
            Set<Row> now = state.rows();
            var it = open.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                if (!now.contains(e.getKey())) {
                    periods.add(new Period(e.getKey(), e.getValue(), day));
                    it.remove();
                }
            }
            now.forEach(row -> open.putIfAbsent(row, day));
        }
        open.forEach((row, from) -> periods.add(new Period(row, from, null)));
        return periods;
    }

    private static final class State {
        private String organizationId;
        private MemberStatus membership;
        private boolean onRoll;
        private boolean fullyExempt;
        private boolean temporarilyExempt;
        private boolean suspended;
        private boolean transferredOut;
        private String hostOrganizationId;

        void apply(Fact f) {
            switch (f.kind()) {
                case ADMITTED, ENROLLED -> {
                    organizationId = f.organizationId();
                    membership = MemberStatus.PROBATIONARY;
                    onRoll = true;
                }
                case MADE_OFFICIAL -> membership = MemberStatus.OFFICIAL;
                case LEFT_ROLL, OFFICIAL_TRANSFER_ISSUED_OUTSIDE -> onRoll = false;
                // Pending: the member stays on the sending roll until the receiving organisation records the arrival.
                case OFFICIAL_TRANSFER_ISSUED -> { }
                case OFFICIAL_TRANSFER_RECEIVED -> organizationId = f.organizationId();
                case TEMPORARY_TRANSFER_ISSUED_OUTSIDE -> transferredOut = true;
                case TEMPORARY_TRANSFER_RECEIVED -> {
                    transferredOut = true;
                    hostOrganizationId = f.organizationId();
                }
                case TEMPORARY_TRANSFER_ENDED -> {
                    transferredOut = false;
                    hostOrganizationId = null;
                }
                case FULL_EXEMPTION_GRANTED -> fullyExempt = true;
                case FULL_EXEMPTION_ENDED -> fullyExempt = false;
                case TEMPORARY_EXEMPTION_GRANTED -> temporarilyExempt = true;
                case TEMPORARY_EXEMPTION_ENDED -> temporarilyExempt = false;
                case SUSPENDED -> suspended = true;
                case REINSTATED -> suspended = false;
            }
        }

        Set<Row> rows() {
            Set<Row> rows = new LinkedHashSet<>();
            if (!onRoll || organizationId == null) {
                return rows;
            }
            rows.add(new Row(organizationId, membership, fullyExempt, temporarilyExempt, suspended, false,
                    transferredOut));
            if (hostOrganizationId != null) {
                rows.add(new Row(hostOrganizationId, membership, fullyExempt, temporarilyExempt, suspended, true,
                        false));
            }
            return rows;
        }
    }
}
