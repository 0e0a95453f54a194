package vn.partyledger.query.development;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import vn.partyledger.query.BatchWrites;
import vn.partyledger.query.ProjectionPositions;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.development.AdmissionQuotaSet;
import vn.partyledger.api.development.DevelopmentVsQuota;
import vn.partyledger.api.development.FindDevelopment;
import vn.partyledger.api.member.AwarenessCourseCompleted;
import vn.partyledger.api.member.CandidateRegistered;
import vn.partyledger.api.member.ExistingMemberEnrolled;
import vn.partyledger.api.member.MemberAdmitted;
import vn.partyledger.api.member.MemberDeceased;
import vn.partyledger.api.member.MembershipMadeOfficial;
import vn.partyledger.api.member.ProbationaryRemoved;
import vn.partyledger.api.member.RollRemoved;
import vn.partyledger.api.member.TransferKind;
import vn.partyledger.api.member.TransferReceived;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.rules.calendar.Probation;
import vn.partyledger.api.rules.calendar.WorkingDays;
import vn.partyledger.query.member.MemberRollProjection;
import vn.partyledger.query.organization.OrganizationTreeProjection;
import vn.partyledger.query.rollup.Subtree;

/**
 * Member development (§2.9) against the admission quota: the candidate pipeline and admissions as dated facts of the
 * organisation that recorded them, and each probation with the day it was settled, so that a subtree's figures for a
 * year and the overdue recognitions on a date are SQL filters rolled up over the tree as of that date.
 */
@Component
@ProcessingGroup(DevelopmentProjection.NAME)
public class DevelopmentProjection {

    public static final String NAME = "development";
    /** Bump when the tables or their meaning change. */
    public static final int VERSION = 1;

    /** Kinds of development_fact rows; their ordinals index the figure arrays, which end with {@link #OVERDUE}. */
    enum Kind { REGISTERED, COURSE, ADMITTED, RECOGNIZED }

    /** Index of the overdue recognitions in a figure array (counted on a date, not from facts of the year). */
    private static final int OVERDUE = Kind.values().length;
    private static final int FIGURES = OVERDUE + 1;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    public DevelopmentProjection(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    DevelopmentProjection(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(CandidateRegistered e, TrackingToken token) {
        fact(e.memberId(), token, Kind.REGISTERED, e.organizationId(), e.registeredOn());
    }

    @EventHandler
    void on(AwarenessCourseCompleted e, TrackingToken token) {
        fact(e.memberId(), token, Kind.COURSE, e.organizationId(), e.completedOn());
    }

    /** Admissions count by the decision date (P6: seniority counts from it), the year the quota is judged on. */
    @EventHandler
    void on(MemberAdmitted e, TrackingToken token) {
        long position = fact(e.memberId(), token, Kind.ADMITTED, e.organizationId(), e.decisionDate());
        probation(e.memberId(), e.organizationId(), e.probationEndsOn(), position);
    }

    /** Taken over from the paper roll: not an admission of the ledger's years, but a probation still to settle. */
    @EventHandler
    void on(ExistingMemberEnrolled e, TrackingToken token) {
        long position = position(token);
        if (e.officialOn() == null && e.probationEndsOn() != null) {
            probation(e.memberId(), e.organizationId(), e.probationEndsOn(), position);
        }
        advance(position);
    }

    /** Recognitions count by the decision date: the day the cell settled the probation, even if effective earlier. */
    @EventHandler
    void on(MembershipMadeOfficial e, TrackingToken token) {
        long position = fact(e.memberId(), token, Kind.RECOGNIZED, e.organizationId(), e.decisionDate());
        settle(e.memberId(), e.decisionDate(), position);
    }

    @EventHandler
    void on(ProbationaryRemoved e, TrackingToken token) {
        long position = position(token);
        settle(e.memberId(), e.removedOn(), position);
        advance(position);
    }

    @EventHandler
    void on(RollRemoved e, TrackingToken token) {
        long position = position(token);
        settle(e.memberId(), e.removedOn(), position);
        advance(position);
    }

    @EventHandler
    void on(MemberDeceased e, TrackingToken token) {
        long position = position(token);
        settle(e.memberId(), e.diedOn(), position);
        advance(position);
    }

    /** A probationary member transferred for good is the receiving organisation's recognition to decide. */
    @EventHandler
    void on(TransferReceived e, TrackingToken token) {
        long position = position(token);
        if (e.kind() == TransferKind.OFFICIAL) {
            BatchWrites.update(jdbc, """
                    update development_probation set organization_id = :org, last_position = :position
                     where member_id = :member and last_position <= :position""",
                    new MapSqlParameterSource("member", e.memberId()).addValue("org", e.organizationId())
                            .addValue("position", position));
        }
        advance(position);
    }

    @EventHandler
    void on(AdmissionQuotaSet e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                insert into development_quota (organization_id, year, quota, set_on, last_position)
                values (:org, :year, :quota, :on, :position)
                on conflict (organization_id, year) do update
                   set quota = excluded.quota, set_on = excluded.set_on, last_position = excluded.last_position""",
                new MapSqlParameterSource("org", e.organizationId()).addValue("year", e.year())
                        .addValue("quota", e.quota()).addValue("on", e.setOn(), Types.DATE)
                        .addValue("position", position));
        advance(position);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from development_fact", Map.of());
        jdbc.update("delete from development_probation", Map.of());
        jdbc.update("delete from development_quota", Map.of());
        jdbc.update("delete from projection_position where projection = :projection",
                new MapSqlParameterSource("projection", NAME));
    }

    @QueryHandler
    DevelopmentVsQuota handle(FindDevelopment query) {
        Provenance provenance = ProjectionPositions.provenance(jdbc, NAME, VERSION, List.of(NAME, MemberRollProjection.NAME, OrganizationTreeProjection.NAME));
        LocalDate d = query.asOf() != null ? query.asOf() : Subtree.yearEndOrToday(query.year(), clock);
        Subtree subtree = Subtree.of(jdbc, query.organizationId(), d);
        var p = new MapSqlParameterSource("orgs", subtree.idArray()).addValue("year", query.year())
                .addValue("from", LocalDate.of(query.year(), 1, 1), Types.DATE)
                .addValue("to", LocalDate.of(query.year() + 1, 1, 1), Types.DATE)
                .addValue("d", d, Types.DATE);

        Map<String, int[]> own = new HashMap<>();
        jdbc.query("""
                select organization_id, kind, count(*) as n from development_fact
                 where organization_id = any(:orgs) and on_date >= :from and on_date < :to
                 group by organization_id, kind""", p, rs -> {
            own.computeIfAbsent(rs.getString("organization_id"), k -> new int[FIGURES])
                    [Kind.valueOf(rs.getString("kind")).ordinal()] += rs.getInt("n");
        });
        List<DevelopmentVsQuota.Overdue> overdue = new ArrayList<>();
        jdbc.query("""
                select p.member_id, m.full_name, p.organization_id, p.probation_ends_on
                  from development_probation p left join member_roll_member m using (member_id)
                 where p.organization_id = any(:orgs) and p.probation_ends_on < :d
                   and (p.settled_on is null or p.settled_on > :d)
                 order by p.probation_ends_on, p.member_id""", p, rs -> {
            LocalDate ended = rs.getObject("probation_ends_on", LocalDate.class);
            // The window is the one in force when the probation ended; before any version there is nothing to judge.
            if (Probation.VERSIONS.find(ended).map(p5 -> p5.reviewLate(ended, d)).orElse(false)) {
                String org = rs.getString("organization_id");
                overdue.add(new DevelopmentVsQuota.Overdue(rs.getString("member_id"), rs.getString("full_name"), org,
                        ended, WorkingDays.between(ended, d)));
                own.computeIfAbsent(org, k -> new int[FIGURES])[OVERDUE]++;
            }
        });
        Map<String, Integer> quotas = new HashMap<>();
        jdbc.query("select organization_id, quota from development_quota where organization_id = any(:orgs) and year = :year",
                p, rs -> {
                    quotas.put(rs.getString("organization_id"), rs.getInt("quota"));
                });

        int[] total = new int[FIGURES];
        Map<String, int[]> byBranch = new HashMap<>();
        Map<String, Integer> branchQuotas = new HashMap<>();
        int subordinateQuotas = 0;
        for (Subtree.Node node : subtree.all()) {
            int[] figures = own.getOrDefault(node.organizationId(), new int[FIGURES]);
            add(total, figures);
            if (node.branch() != null) {
                add(byBranch.computeIfAbsent(node.branch(), k -> new int[FIGURES]), figures);
                Integer q = quotas.get(node.organizationId());
                if (q != null) {
                    subordinateQuotas += q;
                }
            }
        }
        List<DevelopmentVsQuota.Child> children = subtree.children().stream()
                .map(c -> new DevelopmentVsQuota.Child(c.organizationId(), c.name(), quotas.get(c.organizationId()),
                        figures(byBranch.getOrDefault(c.organizationId(), new int[FIGURES]))))
                .toList();
        return new DevelopmentVsQuota(query.organizationId(), query.year(), d, quotas.get(query.organizationId()),
                subordinateQuotas, figures(total), children, overdue, provenance);
    }

    private static void add(int[] into, int[] figures) {
        for (int i = 0; i < into.length; i++) {
            into[i] += figures[i];
        }
    }

    private static DevelopmentVsQuota.Figures figures(int[] v) {
        return new DevelopmentVsQuota.Figures(v[0], v[1], v[2], v[3], v[4]);
    }

    private long fact(String memberId, TrackingToken token, Kind kind, String organizationId, LocalDate on) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                insert into development_fact (member_id, position, kind, organization_id, on_date)
                values (:member, :position, :kind, :org, :on) on conflict do nothing""",
                new MapSqlParameterSource("member", memberId).addValue("position", position)
                        .addValue("kind", kind.name()).addValue("org", organizationId).addValue("on", on, Types.DATE));
        advance(position);
        return position;
    }

    private void probation(String memberId, String organizationId, LocalDate endsOn, long position) {
        BatchWrites.update(jdbc, """
                insert into development_probation (member_id, organization_id, probation_ends_on, settled_on,
                                                   last_position)
                values (:member, :org, :ends, null, :position)
                on conflict (member_id) do update set organization_id = excluded.organization_id,
                    probation_ends_on = excluded.probation_ends_on, last_position = excluded.last_position
                 where development_probation.last_position <= excluded.last_position""",
                new MapSqlParameterSource("member", memberId).addValue("org", organizationId)
                        .addValue("ends", endsOn, Types.DATE).addValue("position", position));
        advance(position);
    }

    private void settle(String memberId, LocalDate on, long position) {
        BatchWrites.update(jdbc, """
                update development_probation set settled_on = coalesce(least(settled_on, :on), :on),
                       last_position = greatest(last_position, :position)
                 where member_id = :member""",
                new MapSqlParameterSource("member", memberId).addValue("on", on, Types.DATE)
                        .addValue("position", position));
    }

    private void advance(long position) {
        ProjectionPositions.advance(jdbc, NAME, position);
    }

    private static long position(TrackingToken token) {
        return ProjectionPositions.of(token);
    }
}
