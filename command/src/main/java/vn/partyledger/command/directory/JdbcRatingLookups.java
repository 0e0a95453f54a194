package vn.partyledger.command.directory;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.meeting.AttendanceStatus;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.rules.rating.MemberYearEvidence;
import vn.partyledger.api.rules.rating.MemberYearEvidence.CommitmentStatus;
import vn.partyledger.api.rules.rating.TaskFact;

@Component
class JdbcRatingLookups implements RatingLookups {

    private final NamedParameterJdbcTemplate jdbc;

    JdbcRatingLookups(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, MemberStanding> standings(Collection<String> memberIds, LocalDate date) {
        Map<String, MemberStanding> found = new HashMap<>();
        if (memberIds.isEmpty()) {
            return found;
        }
        jdbc.query("""
                        select p.member_id, p.organization_id, p.membership, p.fully_exempt, p.temporarily_exempt,
                               p.suspended,
                               (select min(f.effective_on) from cmd_roll_fact f
                                 where f.member_id = p.member_id and f.kind in ('ADMITTED', 'ENROLLED')) as admitted_on
                          from cmd_roll_period p
                         where p.member_id in (:ids) and not p.temporarily_transferred_in
                           and p.valid_from <= :d and (p.valid_to is null or p.valid_to > :d)""",
                new MapSqlParameterSource("ids", memberIds).addValue("d", date, Types.DATE),
                rs -> {
                    found.put(rs.getString("member_id"), new MemberStanding(rs.getString("member_id"),
                            rs.getString("organization_id"), MemberStatus.valueOf(rs.getString("membership")),
                            rs.getBoolean("fully_exempt"), rs.getBoolean("temporarily_exempt"),
                            rs.getBoolean("suspended"), rs.getObject("admitted_on", LocalDate.class)));
                });
        return found;
    }

    @Override
    public Map<String, MemberYearEvidence> evidence(Collection<String> memberIds, int year, LocalDate asOf) {
        Map<String, MemberYearEvidence> result = new LinkedHashMap<>();
        if (memberIds.isEmpty()) {
            return result;
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        LocalDate standingOn = asOf.isBefore(last) ? asOf : last;
        Map<String, MemberStanding> standings = standings(memberIds, standingOn);
        MapSqlParameterSource p = new MapSqlParameterSource("ids", memberIds).addValue("from", first, Types.DATE)
                .addValue("to", last, Types.DATE).addValue("year", year);

        Map<String, int[]> meetings = new HashMap<>();
        Map<String, TreeSet<String>> months = new HashMap<>();
        // A chi ủy preparation meeting concerns the cell committee, not every member: it never counts here; nor does a
        // retracted meeting, which was never held.
        jdbc.query("""
                select a.member_id, a.held_on, a.status
                  from cmd_rating_attendance a join cmd_meeting m using (meeting_id)
                 where a.member_id in (:ids) and a.held_on between :from and :to and m.kind <> 'COMMITTEE_PREP'
                   and not m.retracted""",
                p, rs -> {
                    String member = rs.getString("member_id");
                    AttendanceStatus status = AttendanceStatus.valueOf(rs.getString("status"));
                    int[] counts = meetings.computeIfAbsent(member, k -> new int[2]);
                    counts[0]++;
                    if (status.attended()) {
                        counts[1]++;
                    }
                    if (status.withoutLegitimateReason()) {
                        months.computeIfAbsent(member, k -> new TreeSet<>())
                                .add(rs.getObject("held_on", LocalDate.class).toString().substring(0, 7));
                    }
                });

        Map<String, List<TaskFact>> tasks = new HashMap<>();
        jdbc.query("""
                select task_id, assignee_id, description, due_on, completed_on, late from cmd_rating_task
                 where assignee_id in (:ids) and due_on between :from and :to and not cancelled
                 order by due_on, task_id""", p, rs -> {
            LocalDate due = rs.getObject("due_on", LocalDate.class);
            LocalDate completed = rs.getObject("completed_on", LocalDate.class);
            TaskFact.Status status = completed != null
                    ? (rs.getBoolean("late") ? TaskFact.Status.LATE : TaskFact.Status.ON_TIME)
                    : (due.isBefore(asOf) ? TaskFact.Status.OVERDUE : TaskFact.Status.OPEN);
            tasks.computeIfAbsent(rs.getString("assignee_id"), k -> new ArrayList<>()).add(new TaskFact(
                    rs.getString("task_id"), rs.getString("description"), due, completed, status));
        });

        Map<String, CommitmentStatus> commitments = new HashMap<>();
        jdbc.query("select member_id, fulfilled from cmd_rating_commitment where member_id in (:ids) and year = :year",
                p, rs -> {
                    Object fulfilled = rs.getObject("fulfilled");
                    commitments.put(rs.getString("member_id"), fulfilled == null ? CommitmentStatus.SUBMITTED
                            : (Boolean) fulfilled ? CommitmentStatus.SELF_ASSESSED_FULFILLED
                            : CommitmentStatus.SELF_ASSESSED_NOT_FULFILLED);
                });

        for (String member : memberIds) {
            MemberStanding s = standings.get(member);
            int[] m = meetings.getOrDefault(member, new int[2]);
            result.put(member, new MemberYearEvidence(year, s != null && s.fullyExempt(), s != null && s.suspended(),
                    s != null && s.temporarilyExempt(), s == null ? null : s.admittedOn(), m[0], m[1],
                    List.copyOf(months.getOrDefault(member, new TreeSet<>())), tasks.getOrDefault(member, List.of()),
                    commitments.getOrDefault(member, CommitmentStatus.NOT_SUBMITTED)));
        }
        return result;
    }
}
