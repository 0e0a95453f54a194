package vn.partyledger.query.meeting;

import vn.partyledger.query.Paging;
import vn.partyledger.query.ProjectionPositions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.meeting.AgendaEntry;
import vn.partyledger.api.meeting.AgendaTopic;
import vn.partyledger.api.meeting.AttendanceEntry;
import vn.partyledger.api.meeting.AttendanceRisk;
import vn.partyledger.api.meeting.AttendanceStatus;
import vn.partyledger.api.meeting.FeeReport;
import vn.partyledger.api.meeting.FindAttendanceRisk;
import vn.partyledger.api.meeting.FindLiaisonVisits;
import vn.partyledger.api.meeting.FindMeeting;
import vn.partyledger.api.meeting.FindMeetingRegister;
import vn.partyledger.api.meeting.GuestInfo;
import vn.partyledger.api.meeting.LiaisonVisits;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.MeetingRegister;
import vn.partyledger.api.meeting.MeetingView;
import vn.partyledger.api.meeting.ResolutionSubject;
import vn.partyledger.api.meeting.RollMember;
import vn.partyledger.api.meeting.RollSnapshot;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.organization.VisitQuota;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.rules.Rule;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.meeting.CellMeetings;
import vn.partyledger.api.rules.roll.RollRemoval;
import vn.partyledger.api.rules.Severity;
import vn.partyledger.query.organization.OrganizationTreeProjection;
import vn.partyledger.query.meeting.RegisterRules.Policy;

/**
 * Answers about cell meetings: one meeting's minutes, the year's register of a cell (or the roll-up over a commune's or
 * province's cells), attendance risk (P12) and liaison visits. Reads the meeting-register tables together with the
 * organisation tree (subtree, fixed meeting day, liaisons). The calendar rules are judged here, at query time, under the
 * version in force on each month's date, because a month's outcome depends on meetings that may be entered later.
 */
@Component
public class MeetingQueries {

    static final ZoneId LEDGER_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String HELD = "state <> 'SCHEDULED'";
    /** The instant a "known at" query cuts at; none given means everything recorded so far. */
    private static final String KNOWN = "coalesce(cast(:knownAt as timestamptz), 'infinity')";
    /**
     * The meetings as the ledger knew them at :knownAt (bitemporal rows, docs/decisions/0011): recorded by then, with
     * the figures of the latest attendance correction recorded by then, and whether a retraction was recorded by then.
     * A retracted meeting is kept for its own view and left out of every count.
     */
    static final String MEETINGS_KNOWN = """
            select m.*, coalesce(c.attended, m.attended) as attended_known,
                   coalesce(c.required_to_attend, m.required_to_attend) as required_known,
                   coalesce(c.absent_without_reason, m.absent_without_reason) as absent_known,
                   exists (select 1 from meeting_register_retraction r
                            where r.meeting_id = m.meeting_id and r.recorded_at <= $KNOWN)
                   as retracted
              from meeting_register_meeting m
              left join lateral (select * from meeting_register_attendance_correction c
                                  where c.meeting_id = m.meeting_id and c.recorded_at <= $KNOWN
                                  order by c.position desc limit 1) c on true
             where coalesce(m.recorded_at, '-infinity') <= $KNOWN""".replace("$KNOWN", KNOWN);
    /** Attendance rows as known at :knownAt: the latest correction recorded by then replaces the recorded status. */
    static final String ATTENDANCE_KNOWN = attendanceKnown("meeting_register_attendance");

    /**
     * Attendance rows of {@code source} (the table, or a subquery of its rows) with their status as known at
     * {@code :knownAt}: the latest correction recorded by then replaces it, a meeting retracted by then has none.
     */
    private static String attendanceKnown(String source) {
        return """
            select a.meeting_id, a.member_id, a.organization_id, a.held_on, a.last_position,
                   coalesce(c.status, a.status) as status, case when c.status is null then a.reason else c.reason end
                   as reason
              from $SOURCE a
              left join lateral (select * from meeting_register_attendance_correction c
                                  where c.meeting_id = a.meeting_id and c.member_id = a.member_id
                                    and c.recorded_at <= $KNOWN
                                  order by c.position desc limit 1) c on true
             where coalesce(a.recorded_at, '-infinity') <= $KNOWN
               and not exists (select 1 from meeting_register_retraction r
                                where r.meeting_id = a.meeting_id and r.recorded_at <= $KNOWN)"""
            .replace("$SOURCE", source).replace("$KNOWN", KNOWN);
    }

    /**
     * The rows that can be absences without legitimate reason in {@code :cells} between {@code :from} and {@code :to}:
     * recorded with such a status ({@code :statuses}) or corrected at some time. A province's year has millions of
     * attendance rows and about one in fifty is an absence; looking up corrections and rolls for every row took most
     * of the province's 12 s (10 M events), for rows whose status then ruled them out.
     */
    private static final String ABSENCE_CANDIDATES = """
            (select * from meeting_register_attendance a
              where a.organization_id = any(:cells) and a.held_on between :from and :to and a.status in (:statuses)
             union
             select a.* from meeting_register_attendance a
               join (select distinct meeting_id, member_id from meeting_register_attendance_correction) corrected
                 using (meeting_id, member_id)
              where a.organization_id = any(:cells) and a.held_on between :from and :to)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final RegisterRules rules;
    /** Cells per round of a roll-up's reads: bounds its memory whatever the size of the organisation. */
    private final int rollUpCells;

    @Autowired
    public MeetingQueries(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC(), RegisterRules.standard());
    }

    MeetingQueries(NamedParameterJdbcTemplate jdbc, Clock clock, RegisterRules rules) {
        this(jdbc, clock, rules, 1000);
    }

    MeetingQueries(NamedParameterJdbcTemplate jdbc, Clock clock, RegisterRules rules, int rollUpCells) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = rules;
        this.rollUpCells = rollUpCells;
    }

    // ---------------------------------------------------------------------------------------------- one meeting

    @QueryHandler
    MeetingView handle(FindMeeting query) {
        Provenance provenance = provenance().at(null, query.knownAt());
        var p = known(query.knownAt()).addValue("meeting", query.meetingId());
        List<MeetingView> found = jdbc.query("select * from (" + MEETINGS_KNOWN + ") m where meeting_id = :meeting", p,
                (rs, n) -> {
                    RollSnapshot roll = rs.getObject("roll_official") == null ? null : new RollSnapshot(
                            rs.getInt("roll_official"), rs.getInt("roll_probationary"), rs.getInt("roll_exempt"),
                            rs.getInt("roll_transferred_in"), rs.getInt("roll_transferred_out"),
                            rs.getInt("roll_required"), RollJson.read(rs.getString("roll")));
                    FeeReport fee = rs.getObject("fee_collected") == null ? null : new FeeReport(
                            rs.getLong("fee_collected"), rs.getLong("fee_spent"), rs.getLong("fee_balance"));
                    return new MeetingView(rs.getString("meeting_id"), rs.getString("organization_id"),
                            MeetingKind.valueOf(rs.getString("kind")), rs.getObject("held_on", LocalDate.class),
                            rs.getBoolean("retracted") ? "RETRACTED" : rs.getString("state"),
                            rs.getBoolean("correction"), strings(rs.getArray("agenda")),
                            rs.getObject("materials_published_on", LocalDate.class), rs.getString("materials_channel"),
                            rs.getString("chair_member_id"), rs.getString("minutes_secretary_id"), roll,
                            attendance(query.meetingId(), query.knownAt()), guests(query.meetingId()),
                            agendaItems(query.meetingId()),
                            resolutions(query.meetingId()), fee, (Integer) rs.getObject("duration_minutes"),
                            (Integer) rs.getObject("attended_known"), (Integer) rs.getObject("required_known"),
                            outcomes(query.meetingId(), "meeting"), amendments(query.meetingId()), provenance);
                });
        return found.stream().findFirst()
                .orElseThrow(() -> new NoSuchElementException("no meeting " + query.meetingId()));
    }

    private List<AttendanceEntry> attendance(String meetingId, Instant knownAt) {
        return jdbc.query("select member_id, status, reason from (" + ATTENDANCE_KNOWN + """
                        ) a where meeting_id = :meeting order by last_position, member_id""",
                known(knownAt).addValue("meeting", meetingId), (rs, n) -> new AttendanceEntry(
                        rs.getString("member_id"), AttendanceStatus.valueOf(rs.getString("status")),
                        rs.getString("reason")));
    }

    private List<GuestInfo> guests(String meetingId) {
        return jdbc.query("select * from meeting_register_guest where meeting_id = :meeting order by position",
                new MapSqlParameterSource("meeting", meetingId), (rs, n) -> new GuestInfo(rs.getString("person_id"),
                        rs.getString("full_name"), rs.getString("org_level"), rs.getString("role"),
                        rs.getString("guest_organization_id")));
    }

    private List<AgendaEntry> agendaItems(String meetingId) {
        return jdbc.query("select * from meeting_register_agenda_item where meeting_id = :meeting order by position",
                new MapSqlParameterSource("meeting", meetingId), (rs, n) -> new AgendaEntry(
                        AgendaTopic.valueOf(rs.getString("topic")), rs.getString("summary")));
    }

    private List<MeetingView.ResolutionView> resolutions(String meetingId) {
        return jdbc.query("select * from meeting_register_resolution where meeting_id = :meeting order by number",
                new MapSqlParameterSource("meeting", meetingId), (rs, n) -> new MeetingView.ResolutionView(
                        rs.getInt("number"), ResolutionSubject.valueOf(rs.getString("subject")), rs.getString("text"),
                        rs.getInt("votes_for"), rs.getInt("votes_against"), rs.getInt("abstentions"),
                        rs.getInt("eligible"), rs.getBoolean("adopted"),
                        outcomes(meetingId, "resolution:" + rs.getInt("number")).stream().findFirst().orElse(null)));
    }

    private List<MeetingView.Amendment> amendments(String meetingId) {
        return jdbc.query("select * from meeting_register_amendment where meeting_id = :meeting order by position",
                new MapSqlParameterSource("meeting", meetingId), (rs, n) -> new MeetingView.Amendment(
                        rs.getString("corrects_event_id"), rs.getString("text"), rs.getString("approved_at_meeting"),
                        rs.getObject("approved_on", LocalDate.class)));
    }

    private List<RuleOutcome> outcomes(String meetingId, String source) {
        return jdbc.query("""
                        select rule, severity, basis, message from meeting_register_outcome
                         where meeting_id = :meeting and source = :source order by ordinal""",
                new MapSqlParameterSource("meeting", meetingId).addValue("source", source),
                (rs, n) -> new RuleOutcome(rs.getString("rule"), Severity.valueOf(rs.getString("severity")),
                        rs.getString("basis"), rs.getString("message")));
    }

    // ---------------------------------------------------------------------------------------------- the register

    @QueryHandler
    MeetingRegister handle(FindMeetingRegister query) {
        Provenance provenance = provenance().at(null, query.knownAt());
        LocalDate today = today();
        List<Cell> cells = cells(query.organizationId(), query.year());
        if (cells.size() == 1 && cells.get(0).id().equals(query.organizationId())) {
            CellYear year = cellYears(cells, query, today, true).get(0);
            return new MeetingRegister(query.organizationId(), query.year(), 1, year.metEveryEvaluatedMonth() ? 1 : 0,
                    year.months().stream().map(MonthResult::row).toList(), year.quarters(), provenance);
        }
        // A roll-up keeps running totals, not every cell's year: a province of 30,000 cells held about 360,000
        // meetings a year, and their rows and judged months took more than the service's heap (the province
        // benchmark at scale 10). The cells are read rollUpCells at a time.
        RollUp rollUp = new RollUp();
        for (int from = 0; from < cells.size(); from += rollUpCells) {
            cellYears(cells.subList(from, Math.min(cells.size(), from + rollUpCells)), query, today, false)
                    .forEach(rollUp::add);
        }
        List<MeetingRegister.Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(rollUpMonth(m, rollUp.months[m - 1], query));
        }
        List<MeetingRegister.Quarter> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            quarters.add(rollUpQuarter(q, rollUp.quarters[q - 1], query.year()));
        }
        return new MeetingRegister(query.organizationId(), query.year(), cells.size(), rollUp.everyMonth, months,
                quarters, provenance);
    }

    /**
     * The year of each cell, judged. The meetings are grouped by cell once: filtering every meeting per cell grew with
     * cells × meetings (3.6 s at p50 for 3,000 cells in the province benchmark at scale 1).
     */
    private List<CellYear> cellYears(List<Cell> cells, FindMeetingRegister query, LocalDate today,
                                     boolean withOutcomes) {
        Map<String, List<Held>> meetings = heldMeetings(cells, query.year(), query.knownAt(), withOutcomes);
        Map<String, Map<Integer, Integer>> visits = superiorVisitsByMonth(cells, query.year());
        Map<String, List<Day>> days = meetingDays(cells);
        return cells.stream().map(c -> cellYear(c, query.year(), today, meetings.getOrDefault(c.id(), List.of()),
                days.getOrDefault(c.id(), List.of()), visits.getOrDefault(c.id(), Map.of()),
                query.attendanceTarget())).toList();
    }

    /** Running totals of a roll-up: per month and per quarter, over every cell added so far. */
    private static final class RollUp {
        final MonthTotals[] months = new MonthTotals[12];
        final QuarterTotals[] quarters = new QuarterTotals[4];
        int everyMonth;

        RollUp() {
            Arrays.setAll(months, m -> new MonthTotals());
            Arrays.setAll(quarters, q -> new QuarterTotals());
        }

        void add(CellYear year) {
            for (int m = 0; m < 12; m++) {
                months[m].add(year.months().get(m));
            }
            for (int q = 0; q < 4; q++) {
                quarters[q].add(year.quarters().get(q));
            }
            everyMonth += year.metEveryEvaluatedMonth() ? 1 : 0;
        }
    }

    private static final class MonthTotals {
        int met;
        int attended;
        int required;
        int absent;
        int visits;
        int missed;
        int offDay;
        int evaluated;

        void add(MonthResult r) {
            met += r.row().cellsMet();
            attended += r.row().attended();
            required += r.row().requiredToAttend();
            absent += r.row().absentWithoutReason();
            visits += r.row().superiorVisits();
            if (r.evaluated()) {
                evaluated++;
                missed += r.met() ? 0 : 1;
                offDay += Boolean.FALSE.equals(r.row().onFixedDay()) ? 1 : 0;
            }
        }
    }

    private static final class QuarterTotals {
        int thematic;
        int withThematic;
        int judged;
        int failing;

        void add(MeetingRegister.Quarter q) {
            thematic += q.thematicMeetings();
            withThematic += q.cellsWithThematic();
            judged += q.outcomes().isEmpty() ? 0 : 1;
            failing += q.outcomes().stream().anyMatch(RuleOutcome::isViolation) ? 1 : 0;
        }
    }

    private record Cell(String id, LocalDate establishedOn, LocalDate endedOn) {
    }

    private record Held(String meetingId, String organizationId, MeetingKind kind, LocalDate heldOn, boolean correction,
                        Integer durationMinutes, Integer attended, Integer required, Integer absentWithoutReason,
                        long position, List<RuleOutcome> outcomes) {
        MeetingRegister.MeetingRow row() {
            return new MeetingRegister.MeetingRow(meetingId, kind, heldOn, correction, durationMinutes, attended,
                    required, outcomes);
        }
    }

    private record Day(LocalDate from, int dayOfMonth, Integer prepDay) {
    }

    private record MonthResult(MeetingRegister.Month row, boolean evaluated, boolean met) {
    }

    private record CellYear(List<MonthResult> months, List<MeetingRegister.Quarter> quarters) {
        boolean metEveryEvaluatedMonth() {
            return months.stream().anyMatch(MonthResult::evaluated)
                    && months.stream().filter(MonthResult::evaluated).allMatch(MonthResult::met);
        }
    }

    private CellYear cellYear(Cell cell, int year, LocalDate today, List<Held> meetings, List<Day> days,
                              Map<Integer, Integer> visits, Integer target) {
        List<MonthResult> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            List<Held> inMonth = meetings.stream().filter(h -> YearMonth.from(h.heldOn()).equals(ym)).toList();
            // A correction replaces or completes the month's meeting: the last regular meeting entered counts.
            Optional<Held> regular = inMonth.stream().filter(h -> h.kind().isRegular())
                    .max(Comparator.comparing(Held::heldOn).thenComparingLong(Held::position));
            LocalDate judgedOn = regular.map(Held::heldOn).orElse(ym.atEndOfMonth());
            Policy policy = rules.at(judgedOn);
            Optional<Day> day = dayOn(days, judgedOn);
            Integer fixedDay = day.map(d -> Math.min(d.dayOfMonth(), ym.lengthOfMonth())).orElse(null);
            Boolean onFixedDay = regular.isPresent() && fixedDay != null
                    ? regular.get().heldOn().getDayOfMonth() == fixedDay : null;
            boolean alive = !ym.atEndOfMonth().isBefore(cell.establishedOn())
                    && (cell.endedOn() == null || ym.atDay(1).isBefore(cell.endedOn()));
            boolean evaluated = alive && (regular.isPresent() || ym.atEndOfMonth().isBefore(today));
            List<RuleOutcome> outcomes = new ArrayList<>();
            int attended = regular.map(Held::attended).map(v -> v == null ? 0 : v).orElse(0);
            int required = regular.map(Held::required).map(v -> v == null ? 0 : v).orElse(0);
            int absent = regular.map(Held::absentWithoutReason).map(v -> v == null ? 0 : v).orElse(0);
            if (evaluated && policy.monthly().isEmpty()) {
                outcomes.add(policy.monthlyNotInForce());
            } else if (evaluated) {
                Rule m1 = policy.monthly().get();
                if (regular.isEmpty()) {
                    outcomes.add(m1.violation("no regular meeting was held in " + ym + " (missed)"));
                } else if (Boolean.FALSE.equals(onFixedDay)) {
                    outcomes.add(m1.warning("the regular meeting was held on " + regular.get().heldOn()
                            + ", not on the cell's fixed day " + fixedDay + " (not on fixed day)"));
                } else {
                    outcomes.add(m1.ok());
                }
            }
            if (regular.isPresent()) {
                LocalDate held = regular.get().heldOn();
                policy.committeePrep().ifPresent(rule -> outcomes.add(inMonth.stream().anyMatch(h ->
                        h.kind() == MeetingKind.COMMITTEE_PREP && !h.heldOn().isAfter(held)) ? rule.ok()
                        : rule.warning("no chi ủy preparation meeting before the regular meeting of " + held)));
                outcomes.addAll(attendanceOutcomes(policy, attended, required, absent, target));
            }
            MeetingRegister.Month row = new MeetingRegister.Month(m, regular.isPresent() ? 1 : 0, onFixedDay,
                    fixedDay, attended, required, percent(attended, required), absent, visits.getOrDefault(m, 0),
                    inMonth.stream().map(Held::row).toList(), List.copyOf(outcomes));
            months.add(new MonthResult(row, evaluated, regular.isPresent()));
        }
        List<MeetingRegister.Quarter> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            LocalDate start = LocalDate.of(year, 3 * q - 2, 1);
            LocalDate end = YearMonth.of(year, 3 * q).atEndOfMonth();
            int thematic = (int) meetings.stream().filter(h -> h.kind().isThematic()
                    && !h.heldOn().isBefore(start) && !h.heldOn().isAfter(end)).count();
            Policy policy = rules.at(end);
            Optional<CellMeetings.Thematic> m2 = policy.thematic();
            // Without a rule in force the figure still says whether the cell held one.
            int least = m2.map(CellMeetings.Thematic::perQuarter).orElse(1);
            boolean alive = !end.isBefore(cell.establishedOn()) && (cell.endedOn() == null
                    || start.isBefore(cell.endedOn()));
            List<RuleOutcome> outcomes = new ArrayList<>();
            if (alive && (thematic >= least || end.isBefore(today))) {
                int quarter = q;
                outcomes.add(m2.map(t -> thematic >= t.perQuarter() ? t.rule().ok()
                        : t.rule().violation(thematic + " thematic meeting(s) in Q" + quarter + " " + year
                                + "; at least " + t.perQuarter() + " per quarter"))
                        .orElseGet(policy::thematicNotInForce));
            }
            quarters.add(new MeetingRegister.Quarter(q, thematic, thematic >= least ? 1 : 0, List.copyOf(outcomes)));
        }
        return new CellYear(months, quarters);
    }

    private static List<RuleOutcome> attendanceOutcomes(Policy policy, int attended, int required, int absent,
                                                        Integer target) {
        if (required == 0) {
            return List.of();
        }
        RegisterRules.Local local = policy.local();
        int percent = target == null ? local.defaultTargetPercent() : target;
        RuleOutcome reached = 100L * attended >= (long) percent * required ? local.attendanceTarget().ok()
                : local.attendanceTarget().warning(attended + " of " + required + " members attended ("
                        + percent(attended, required) + "%); the target is " + percent + "%");
        RuleOutcome excused = absent == 0 ? local.absencesExcused().ok()
                : local.absencesExcused().warning(absent + " absence(s) without legitimate reason");
        return List.of(reached, excused);
    }

    private MeetingRegister.Month rollUpMonth(int month, MonthTotals t, FindMeetingRegister query) {
        YearMonth ym = YearMonth.of(query.year(), month);
        Policy policy = rules.at(ym.atEndOfMonth());
        List<RuleOutcome> outcomes = new ArrayList<>();
        if (t.evaluated > 0 && policy.monthly().isEmpty()) {
            outcomes.add(policy.monthlyNotInForce());
        } else if (t.evaluated > 0) {
            Rule m1 = policy.monthly().get();
            outcomes.add(t.missed > 0 ? m1.violation(t.missed + " of " + t.evaluated + " cells held no "
                    + "regular meeting in " + ym + " (missed)")
                    : t.offDay > 0 ? m1.warning(t.offDay + " of " + t.evaluated + " cells met in " + ym
                    + " but not on their fixed day") : m1.ok());
        }
        outcomes.addAll(attendanceOutcomes(policy, t.attended, t.required, t.absent, query.attendanceTarget()));
        return new MeetingRegister.Month(month, t.met, null, null, t.attended, t.required,
                percent(t.attended, t.required), t.absent, t.visits, List.of(), List.copyOf(outcomes));
    }

    private MeetingRegister.Quarter rollUpQuarter(int quarter, QuarterTotals t, int year) {
        Policy policy = rules.at(YearMonth.of(year, 3 * quarter).atEndOfMonth());
        List<RuleOutcome> outcomes = t.judged == 0 ? List.of() : List.of(policy.thematic()
                .map(m2 -> t.failing == 0 ? m2.rule().ok() : m2.rule().violation(t.failing + " of " + t.judged
                        + " cells held no thematic meeting in Q" + quarter + " " + year))
                .orElseGet(policy::thematicNotInForce));
        return new MeetingRegister.Quarter(quarter, t.thematic, t.withThematic, outcomes);
    }

    // ---------------------------------------------------------------------------------------------- attendance risk

    @QueryHandler
    AttendanceRisk handle(FindAttendanceRisk query) {
        Provenance provenance = provenance().at(null, query.knownAt());
        List<Cell> cells = cells(query.organizationId(), query.year());
        record Absence(String memberId, String fullName, String organizationId, LocalDate heldOn) {
        }
        // P12 counts only meetings the member had to attend (CellMeetings.mustAttend): not a chi ủy preparation
        // meeting, which concerns the cell committee, nor a meeting while the member was exempt, suspended or away.
        // Attendance as known at knownAt: corrections recorded by then replace the status, retracted meetings count not.
        // The flags are the member's on the meeting's roll (its jsonb); a member not on that roll is not counted.
        List<Absence> absences = new ArrayList<>();
        jdbc.query("""
                        select a.member_id, r.full_name, a.organization_id, a.held_on, m.kind, o.membership,
                               o."fullyExempt" as fully_exempt, o."temporarilyExempt" as temporarily_exempt,
                               o.suspended, o."temporarilyTransferredIn" as temporarily_transferred_in,
                               o."temporarilyTransferredOut" as temporarily_transferred_out
                          from (""" + attendanceKnown(ABSENCE_CANDIDATES) + """
                          ) a
                          join meeting_register_meeting m using (meeting_id)
                          join lateral jsonb_to_recordset(m.roll) as o("memberId" text, membership text,
                               "fullyExempt" boolean, "temporarilyExempt" boolean, suspended boolean,
                               "temporarilyTransferredIn" boolean, "temporarilyTransferredOut" boolean)
                            on o."memberId" = a.member_id
                          left join member_roll_member r on r.member_id = a.member_id
                         where a.status in (:statuses)
                         order by a.member_id, a.held_on""",
                year(query.year()).addValues(known(query.knownAt()).getValues()).addValue("cells", ids(cells))
                        .addValue("statuses", Arrays.stream(
                        AttendanceStatus.values()).filter(AttendanceStatus::withoutLegitimateReason).map(Enum::name)
                        .toList()), rs -> {
                    RollMember onRoll = new RollMember(rs.getString("member_id"),
                            MemberStatus.valueOf(rs.getString("membership")), rs.getBoolean("fully_exempt"),
                            rs.getBoolean("temporarily_exempt"), rs.getBoolean("suspended"),
                            rs.getBoolean("temporarily_transferred_in"), rs.getBoolean("temporarily_transferred_out"));
                    if (CellMeetings.mustAttend(MeetingKind.valueOf(rs.getString("kind")), onRoll)) {
                        absences.add(new Absence(rs.getString("member_id"), rs.getString("full_name"),
                                rs.getString("organization_id"), rs.getObject("held_on", LocalDate.class)));
                    }
                });
        Map<String, List<Absence>> byMember = new LinkedHashMap<>();
        absences.forEach(a -> byMember.computeIfAbsent(a.memberId(), k -> new ArrayList<>()).add(a));
        List<AttendanceRisk.MemberRisk> members = new ArrayList<>();
        byMember.forEach((memberId, list) -> {
            TreeSet<Integer> months = new TreeSet<>();
            LocalDate flaggedOn = null;
            Policy policy = null;
            for (Absence a : list) {
                months.add(a.heldOn().getMonthValue());
                policy = rules.at(a.heldOn());
                if (flaggedOn == null && policy.rollRemoval().map(p12 -> p12.reached(months.size())).orElse(false)) {
                    flaggedOn = a.heldOn();
                }
            }
            Optional<RollRemoval> p12 = policy.rollRemoval();
            RuleOutcome outcome = p12.isEmpty() ? policy.rollRemovalNotInForce()
                    : flaggedOn != null ? p12.get().rule().warning("absent without legitimate reason in "
                    + months.size() + " months of " + query.year() + "; the cell may propose removal from the roll, "
                    + "the competent committee decides")
                    : p12.get().rule().ok();
            Absence last = list.get(list.size() - 1);
            members.add(new AttendanceRisk.MemberRisk(memberId, last.fullName(), last.organizationId(),
                    List.copyOf(months), flaggedOn != null, flaggedOn, outcome));
        });
        List<AttendanceRisk.MemberRisk> flagged = members.stream().filter(AttendanceRisk.MemberRisk::rollRemovalFlag)
                .toList();
        List<AttendanceRisk.MemberRisk> listed = query.flaggedOnly() ? flagged : members;
        return new AttendanceRisk(query.organizationId(), query.year(), Paging.page(listed, query.page(), query.size()),
                query.page(), query.size(), listed.size(), flagged.size(), provenance);
    }

    // ---------------------------------------------------------------------------------------------- liaison visits

    @QueryHandler
    LiaisonVisits handle(FindLiaisonVisits query) {
        Provenance provenance = provenance();
        LocalDate today = today();
        int year = query.year();
        List<Cell> cells = cells(query.organizationId(), year);
        var p = year(year).addValue("cells", ids(cells));
        record Visit(String cellId, String personId, LocalDate heldOn) {
        }
        Map<String, List<Visit>> visits = jdbc.query("""
                        select organization_id, person_id, held_on from meeting_register_guest
                         where organization_id = any(:cells) and held_on between :from and :to and person_id is not null""",
                p, (rs, n) -> new Visit(rs.getString("organization_id"), rs.getString("person_id"),
                        rs.getObject("held_on", LocalDate.class))).stream()
                .collect(Collectors.groupingBy(Visit::cellId));
        Integer visited = jdbc.queryForObject("""
                        select count(distinct organization_id) from meeting_register_guest
                         where organization_id = any(:cells) and held_on between :from and :to and org_level is not null""",
                p, Integer.class);
        List<LiaisonVisits.Liaison> liaisons = jdbc.query("""
                        select organization_id, liaison_member_id, superior_organization_id, visits, visit_period,
                               valid_from, valid_to
                          from org_tree_liaison_period
                         where organization_id = any(:cells) and valid_from <= :to and (valid_to is null or valid_to > :from)
                         order by organization_id, valid_from, liaison_member_id""", p, (rs, n) -> {
            String cell = rs.getString("organization_id");
            String liaison = rs.getString("liaison_member_id");
            LocalDate from = rs.getObject("valid_from", LocalDate.class);
            LocalDate to = rs.getObject("valid_to", LocalDate.class);
            VisitQuota quota = new VisitQuota(rs.getInt("visits"), VisitQuota.Period.valueOf(rs.getString("visit_period")));
            int[] perQuarter = new int[4];
            visits.getOrDefault(cell, List.of()).stream().filter(v -> v.personId().equals(liaison)
                            && !v.heldOn().isBefore(from) && (to == null || v.heldOn().isBefore(to)))
                    .forEach(v -> perQuarter[(v.heldOn().getMonthValue() - 1) / 3]++);
            int inYear = Arrays.stream(perQuarter).sum();
            List<Integer> overdueQuarters = new ArrayList<>();
            boolean overdue = false;
            if (quota.per() == VisitQuota.Period.QUARTER) {
                for (int q = 1; q <= 4; q++) {
                    LocalDate end = YearMonth.of(year, 3 * q).atEndOfMonth();
                    boolean activeAtEnd = !from.isAfter(end) && (to == null || to.isAfter(end));
                    if (end.isBefore(today) && activeAtEnd && perQuarter[q - 1] < quota.visits()) {
                        overdueQuarters.add(q);
                    }
                }
                overdue = !overdueQuarters.isEmpty();
            } else {
                LocalDate end = LocalDate.of(year, 12, 31);
                overdue = end.isBefore(today) && !from.isAfter(end) && (to == null || to.isAfter(end))
                        && inYear < quota.visits();
            }
            Policy policy = rules.at(LocalDate.of(year, 12, 31));
            RuleOutcome outcome = overdue ? policy.local().liaisonVisits().warning("liaison " + liaison + " visited cell "
                    + cell + " " + inYear + " time(s) in " + year + " against a quota of " + quota.visits() + " per "
                    + quota.per() + (overdueQuarters.isEmpty() ? "" : "; overdue in quarter(s) " + overdueQuarters))
                    : policy.local().liaisonVisits().ok();
            return new LiaisonVisits.Liaison(cell, liaison, rs.getString("superior_organization_id"), quota,
                    Arrays.stream(perQuarter).boxed().toList(), inYear, List.copyOf(overdueQuarters), overdue,
                    outcome);
        });
        int cellsVisited = visited == null ? 0 : visited;
        String percent = cells.isEmpty() ? null : BigDecimal.valueOf(100L * cellsVisited)
                .divide(BigDecimal.valueOf(cells.size()), 2, RoundingMode.HALF_UP).toPlainString();
        return new LiaisonVisits(query.organizationId(), year, cells.size(), cellsVisited, percent,
                (int) liaisons.stream().filter(LiaisonVisits.Liaison::overdue).count(), liaisons, provenance);
    }

    // ---------------------------------------------------------------------------------------------- shared

    /**
     * The cells at or under the organisation on the year's last day (or today, inside the current year), walking the
     * parent periods of the organisation tree.
     */
    private List<Cell> cells(String rootId, int year) {
        List<Boolean> known = jdbc.queryForList("select true from org_tree_organization where organization_id = :id",
                new MapSqlParameterSource("id", rootId), Boolean.class);
        if (known.isEmpty()) {
            throw new NoSuchElementException("no organisation " + rootId);
        }
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate d = today().isBefore(yearEnd) ? today() : yearEnd;
        return jdbc.query("""
                        with recursive sub (organization_id, path) as (
                            select cast(:root as text), array[cast(:root as text)]
                            union all
                            select p.organization_id, s.path || p.organization_id
                              from org_tree_parent_period p join sub s on p.parent_id = s.organization_id
                             where p.valid_from <= :d and (p.valid_to is null or p.valid_to > :d)
                               and not p.organization_id = any(s.path))
                        select o.organization_id, o.established_on, o.ended_on
                          from sub join org_tree_organization o using (organization_id)
                         where o.level = 'CELL' and o.established_on <= :d
                           and (o.ended_on is null or o.ended_on > make_date(:year, 1, 1))
                         order by o.organization_id""",
                new MapSqlParameterSource("root", rootId).addValue("d", d, Types.DATE).addValue("year", year),
                (rs, n) -> new Cell(rs.getString("organization_id"), rs.getObject("established_on", LocalDate.class),
                        rs.getObject("ended_on", LocalDate.class)));
    }

    /**
     * The year's held meetings of the cells, by cell, each cell's in the order they were held (and entered). A meeting's
     * own rule outcomes are listed only in a single cell's register ({@code withOutcomes}); a roll-up judges the months
     * and quarters, and reading every meeting's outcome texts took a third of a province's roll-up.
     */
    private Map<String, List<Held>> heldMeetings(List<Cell> cells, int year, Instant knownAt, boolean withOutcomes) {
        Map<String, List<RuleOutcome>> outcomes = new HashMap<>();
        var p = year(year).addValue("cells", ids(cells)).addValues(known(knownAt).getValues());
        if (withOutcomes) {
            jdbc.query("""
                    select o.meeting_id, o.rule, o.severity, o.basis, o.message
                      from meeting_register_outcome o join meeting_register_meeting m using (meeting_id)
                     where m.organization_id = any(:cells) and m.held_on between :from and :to and o.source = 'meeting'
                     order by o.meeting_id, o.ordinal""", p, rs -> {
                outcomes.computeIfAbsent(rs.getString("meeting_id"), k -> new ArrayList<>()).add(new RuleOutcome(
                        rs.getString("rule"), Severity.valueOf(rs.getString("severity")), rs.getString("basis"),
                        rs.getString("message")));
            });
        }
        // Only the columns used, and sorted here per cell: sorting all of a province's wide rows in PostgreSQL spilled
        // to disk.
        Map<String, List<Held>> byCell = new HashMap<>();
        jdbc.query("""
                        select meeting_id, organization_id, kind, held_on, correction, duration_minutes, attended_known,
                               required_known, absent_known, last_position
                          from (""" + MEETINGS_KNOWN + """
                        ) m where not retracted and organization_id = any(:cells) and held_on between :from and :to
                           and""" + " " + HELD, p,
                rs -> {
                    byCell.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new Held(rs.getString(1),
                            rs.getString(2), MeetingKind.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
                            rs.getBoolean(5), (Integer) rs.getObject(6), (Integer) rs.getObject(7),
                            (Integer) rs.getObject(8), (Integer) rs.getObject(9), rs.getLong(10),
                            List.copyOf(outcomes.getOrDefault(rs.getString(1), List.of()))));
                });
        byCell.values().forEach(list -> list.sort(Comparator.comparing(Held::heldOn).thenComparingLong(Held::position)));
        return byCell;
    }

    /** Superior visits: guests who come from another level of the Party (their {@code orgLevel} is recorded). */
    private Map<String, Map<Integer, Integer>> superiorVisitsByMonth(List<Cell> cells, int year) {
        Map<String, Map<Integer, Integer>> visits = new HashMap<>();
        jdbc.query("""
                select organization_id, extract(month from held_on)::int as month, count(*) as n
                  from meeting_register_guest
                 where organization_id = any(:cells) and held_on between :from and :to and org_level is not null
                 group by organization_id, extract(month from held_on)""",
                year(year).addValue("cells", ids(cells)), rs -> {
                    visits.computeIfAbsent(rs.getString("organization_id"), k -> new HashMap<>())
                            .put(rs.getInt("month"), rs.getInt("n"));
                });
        return visits;
    }

    private Map<String, List<Day>> meetingDays(List<Cell> cells) {
        Map<String, List<Day>> days = new HashMap<>();
        jdbc.query("""
                select organization_id, effective_from, day_of_month, committee_prep_day from org_tree_meeting_day
                 where organization_id = any(:cells) order by organization_id, effective_from""",
                new MapSqlParameterSource("cells", ids(cells)), rs -> {
                    days.computeIfAbsent(rs.getString("organization_id"), k -> new ArrayList<>()).add(new Day(
                            rs.getObject("effective_from", LocalDate.class), rs.getInt("day_of_month"),
                            (Integer) rs.getObject("committee_prep_day")));
                });
        return days;
    }

    private static Optional<Day> dayOn(List<Day> days, LocalDate date) {
        return days.stream().filter(d -> !d.from().isAfter(date)).reduce((a, b) -> b);
    }

    private Provenance provenance() {
        return ProjectionPositions.provenance(jdbc, MeetingRegisterProjection.NAME, MeetingRegisterProjection.VERSION,
                List.of(MeetingRegisterProjection.NAME, OrganizationTreeProjection.NAME));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(LEDGER_ZONE));
    }

    /** Two decimals, half up, from the counts (95.92 for 47 of 49); null when nobody was required. */
    private static String percent(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(100L * part)
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** :knownAt for the queries above; no instant means everything recorded so far. */
    private static MapSqlParameterSource known(Instant knownAt) {
        return new MapSqlParameterSource().addValue("knownAt", knownAt == null ? null : knownAt.atOffset(ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static MapSqlParameterSource year(int year) {
        return new MapSqlParameterSource().addValue("from", LocalDate.of(year, 1, 1), Types.DATE)
                .addValue("to", LocalDate.of(year, 12, 31), Types.DATE);
    }

    /**
     * The cells' ids as one array parameter ({@code = any(:cells)}): an {@code in} list binds a parameter per cell, and
     * PostgreSQL's protocol takes at most 32,767 parameters a statement.
     */
    private static String[] ids(List<Cell> cells) {
        return cells.stream().map(Cell::id).toArray(String[]::new);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
