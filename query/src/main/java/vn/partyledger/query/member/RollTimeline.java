package vn.partyledger.query.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.partyledger.api.member.MemberStatus;

/**
 * Folds one member's facts, in business-date order, into roll periods and the current record. Pure: the projection
 * stores the facts and rewrites the member's periods with the result, so a late-recorded, back-dated fact lands where
 * it belongs in the history.
 */
final class RollTimeline {

    enum Kind {
        REGISTERED, ADMITTED,
        /** Taken over from the paper roll: admitted on {@code on}, official from {@code until} when that is known. */
        ENROLLED,
        MADE_OFFICIAL, PROBATION_ENDED,
        OFFICIAL_TRANSFER_ISSUED, TEMPORARY_TRANSFER_ISSUED, OFFICIAL_TRANSFER_RECEIVED, TEMPORARY_TRANSFER_RECEIVED,
        TEMPORARY_TRANSFER_ENDED,
        FULL_EXEMPTION_GRANTED, FULL_EXEMPTION_ENDED, TEMPORARY_EXEMPTION_GRANTED, TEMPORARY_EXEMPTION_ENDED,
        SUSPENDED, REINSTATED, ROLL_REMOVED, DECEASED
    }

    /** {@code organizationId}: the organisation the fact moves the member to (registration, admission, receipt). */
    record Fact(LocalDate on, long position, Kind kind, String organizationId, String counterpartId, LocalDate until) {
    }

    /** The member's presence on one roll: own roll, or as a temporary guest ({@code transferredIn}) in a host's. */
    record Row(String organizationId, MemberStatus status, MemberStatus membership, boolean fullyExempt,
               boolean temporarilyExempt, boolean suspended, boolean transferredIn, boolean transferredOut) {
    }

    record Period(Row row, LocalDate from, LocalDate to, long lastPosition) {
    }

    record Current(String organizationId, MemberStatus status, boolean fullyExempt, boolean temporarilyExempt,
                   LocalDate temporaryExemptionUntil, boolean suspended, String hostOrganizationId) {
    }

    record Result(List<Period> periods, Current current) {
    }

    private RollTimeline() {
    }

    /** An enrolment carries two dated facts in one event: the old admission and, if known, the official date. */
    private static List<Fact> expand(List<Fact> recorded) {
        List<Fact> facts = new ArrayList<>(recorded);
        for (Fact f : recorded) {
            if (f.kind() == Kind.ENROLLED && f.until() != null) {
                facts.add(new Fact(f.until(), f.position(), Kind.MADE_OFFICIAL, null, null, null));
            }
        }
        facts.sort(Comparator.comparing(Fact::on).thenComparingLong(Fact::position));
        return facts;
    }

    /** {@code facts} must be ordered by business date, then by global position (recording order within a day). */
    static Result fold(List<Fact> recorded) {
        List<Fact> facts = expand(recorded);
        State state = new State();
        Map<Row, Opened> open = new LinkedHashMap<>();
        List<Period> periods = new ArrayList<>();
        int i = 0;
        while (i < facts.size()) {
            LocalDate day = facts.get(i).on();
            long dayPosition = -1;
            // Same-day facts are applied together so that a day never produces an empty period.
            while (i < facts.size() && Objects.equals(facts.get(i).on(), day)) {
                state.apply(facts.get(i));
                dayPosition = Math.max(dayPosition, facts.get(i).position());
                i++;
            }
            Set<Row> now = state.rows();
            var it = open.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                if (!now.contains(e.getKey())) {
                    periods.add(new Period(e.getKey(), e.getValue().from(), day,
                            Math.max(e.getValue().position(), dayPosition)));
                    it.remove();
                }
            }
            for (Row row : now) {
                open.putIfAbsent(row, new Opened(day, dayPosition));
            }
        }
        open.forEach((row, o) -> periods.add(new Period(row, o.from(), null, o.position())));
        periods.sort(Comparator.comparing(Period::from).thenComparing(p -> p.row().transferredIn()));
        return new Result(List.copyOf(periods), state.current());
    }

    private record Opened(LocalDate from, long position) {
    }

    private static final class State {
        private String organizationId;
        private MemberStatus status;
        private MemberStatus membership;
        private boolean fullyExempt;
        private boolean temporarilyExempt;
        private LocalDate temporaryExemptionUntil;
        private boolean suspended;
        private boolean transferredOut;
        private String hostOrganizationId;

        void apply(Fact f) {
            switch (f.kind()) {
                case REGISTERED -> {
                    organizationId = f.organizationId();
                    status = MemberStatus.CANDIDATE;
                }
                case ADMITTED -> {
                    organizationId = f.organizationId();
                    membership = MemberStatus.PROBATIONARY;
                    status = MemberStatus.PROBATIONARY;
                }
                case ENROLLED -> {
                    organizationId = f.organizationId();
                    membership = MemberStatus.PROBATIONARY;
                    status = MemberStatus.PROBATIONARY;
                }
                case MADE_OFFICIAL -> {
                    membership = MemberStatus.OFFICIAL;
                    if (status == MemberStatus.PROBATIONARY) {
                        status = MemberStatus.OFFICIAL;
                    }
                }
                case PROBATION_ENDED -> status = MemberStatus.PROBATION_ENDED;
                case OFFICIAL_TRANSFER_ISSUED -> status = f.counterpartId() == null
                        ? MemberStatus.TRANSFERRED_OUT
                        // Pending: the member stays on (and is counted by) the sending roll until the receiving
                        // organisation records the arrival, so nobody is ever on no roll or on two.
                        : MemberStatus.TRANSFER_PENDING;
                case TEMPORARY_TRANSFER_ISSUED -> {
                    // A destination outside this ledger never records a receipt, so the member is away from the
                    // referral's date; inside the ledger the absence starts at the host's receipt (as the aggregate does).
                    if (f.counterpartId() == null) {
                        transferredOut = true;
                    }
                }
                case OFFICIAL_TRANSFER_RECEIVED -> {
                    organizationId = f.organizationId();
                    status = membership;
                }
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
                case TEMPORARY_EXEMPTION_GRANTED -> {
                    temporarilyExempt = true;
                    temporaryExemptionUntil = f.until();
                }
                case TEMPORARY_EXEMPTION_ENDED -> {
                    temporarilyExempt = false;
                    temporaryExemptionUntil = null;
                }
                case SUSPENDED -> suspended = true;
                case REINSTATED -> suspended = false;
                case ROLL_REMOVED -> status = MemberStatus.ROLL_REMOVED;
                case DECEASED -> status = MemberStatus.DECEASED;
            }
        }

        Set<Row> rows() {
            Set<Row> rows = new LinkedHashSet<>();
            boolean present = membership != null && status != null
                    && (status.isOnRoll() || status == MemberStatus.TRANSFER_PENDING);
            if (!present) {
                return rows;
            }
            if (organizationId != null) {
                rows.add(new Row(organizationId, status, membership, fullyExempt, temporarilyExempt, suspended,
                        false, transferredOut));
            }
            if (hostOrganizationId != null) {
                rows.add(new Row(hostOrganizationId, status, membership, fullyExempt, temporarilyExempt, suspended,
                        true, false));
            }
            return rows;
        }

        Current current() {
            return new Current(organizationId, status, fullyExempt, temporarilyExempt, temporaryExemptionUntil,
                    suspended, hostOrganizationId);
        }
    }
}
