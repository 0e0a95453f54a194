package vn.partyledger.api.rules.roll;

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
 * Folds one member's facts, in business-date order, into the periods in which the member is on (or a temporary guest
 * of) a roll, and the current record. The one fold for both sides: the command side's meeting roll and the query side's
 * member roll store the facts and rewrite the member's periods with the result, so a late-recorded, back-dated fact
 * lands where it belongs in the history and both sides agree on who was on which roll on which day.
 */
public final class RollFold {

    /** Stored by name in both sides' fact tables: never rename a kind. */
    public enum Kind {
        REGISTERED, ADMITTED,
        /** Taken over from the paper roll: admitted on {@code on}, official from {@code until} when that is known. */
        ENROLLED,
        MADE_OFFICIAL,
        /** Removed from the probationary roll (P5). */
        PROBATION_ENDED,
        /** To an organisation of this ledger: pending until the receiving organisation records the arrival. */
        OFFICIAL_TRANSFER_ISSUED,
        /** To an organisation outside this ledger: the member leaves the roll on the referral's date. */
        OFFICIAL_TRANSFER_ISSUED_OUTSIDE,
        /** To an organisation of this ledger: the absence starts at the host's receipt, not at the referral. */
        TEMPORARY_TRANSFER_ISSUED,
        /** To an organisation outside this ledger, which never records a receipt: away from the referral's date. */
        TEMPORARY_TRANSFER_ISSUED_OUTSIDE,
        OFFICIAL_TRANSFER_RECEIVED, TEMPORARY_TRANSFER_RECEIVED, TEMPORARY_TRANSFER_ENDED,
        FULL_EXEMPTION_GRANTED, FULL_EXEMPTION_ENDED, TEMPORARY_EXEMPTION_GRANTED, TEMPORARY_EXEMPTION_ENDED,
        SUSPENDED, REINSTATED, ROLL_REMOVED, DECEASED
    }

    /**
     * {@code organizationId}: the organisation the fact moves the member to (registration, admission, receipt);
     * {@code position}: recording order within a day; {@code until}: the official date of an enrolment, the end of a
     * temporary exemption.
     */
    public record Fact(LocalDate on, long position, Kind kind, String organizationId, LocalDate until) {
    }

    /** The member's presence on one roll: own roll, or as a temporary guest ({@code transferredIn}) in a host's. */
    public record Row(String organizationId, MemberStatus status, MemberStatus membership, boolean fullyExempt,
                      boolean temporarilyExempt, boolean suspended, boolean transferredIn, boolean transferredOut) {
    }

    /** Half-open: the row holds from {@code from} until the day before {@code to} (open when null). */
    public record Period(Row row, LocalDate from, LocalDate to, long lastPosition) {
    }

    public record Current(String organizationId, MemberStatus status, boolean fullyExempt, boolean temporarilyExempt,
                          LocalDate temporaryExemptionUntil, boolean suspended, String hostOrganizationId) {
    }

    public record Result(List<Period> periods, Current current) {
    }

    private RollFold() {
    }

    /** An enrolment carries two dated facts in one event: the old admission and, if known, the official date. */
    private static List<Fact> expand(List<Fact> recorded) {
        List<Fact> facts = new ArrayList<>(recorded);
        for (Fact f : recorded) {
            if (f.kind() == Kind.ENROLLED && f.until() != null) {
                facts.add(new Fact(f.until(), f.position(), Kind.MADE_OFFICIAL, null, null));
            }
        }
        facts.sort(Comparator.comparing(Fact::on).thenComparingLong(Fact::position));
        return facts;
    }

    /** {@code recorded} in any order; facts of one day apply in {@code position} order, then as given. */
    public static Result fold(List<Fact> recorded) {
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
                case ADMITTED, ENROLLED -> {
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
                // Pending: the member stays on (and is counted by) the sending roll until the receiving organisation
                // records the arrival, so nobody is ever on no roll or on two.
                case OFFICIAL_TRANSFER_ISSUED -> status = MemberStatus.TRANSFER_PENDING;
                case OFFICIAL_TRANSFER_ISSUED_OUTSIDE -> status = MemberStatus.TRANSFERRED_OUT;
                case TEMPORARY_TRANSFER_ISSUED -> { }
                case TEMPORARY_TRANSFER_ISSUED_OUTSIDE -> transferredOut = true;
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
