package vn.partyledger.query.commitment;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import vn.partyledger.query.BatchWrites;
import vn.partyledger.query.Paging;
import vn.partyledger.query.ProjectionPositions;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.commitment.CommitmentBreachNoted;
import vn.partyledger.api.commitment.CommitmentCoverage;
import vn.partyledger.api.commitment.CommitmentReviewed;
import vn.partyledger.api.commitment.CommitmentSelfAssessed;
import vn.partyledger.api.commitment.CommitmentSubmitted;
import vn.partyledger.api.commitment.FindCommitmentCoverage;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.query.member.MemberRollProjection;
import vn.partyledger.query.organization.OrganizationTreeProjection;
import vn.partyledger.query.rollup.Subtree;

/**
 * Each member's yearly pledge and how far it went (submitted, reviewed, self-assessed, breaches). Coverage is measured
 * against the roll: the members expected to pledge are those on a roll of the subtree on the year's last day (or
 * today), as probationary or official members, neither fully exempt (P10: not rated) nor guests of a temporary
 * transfer (they pledge at home, P9). Each is counted in the cell whose roll holds them on that day.
 */
@Component
@ProcessingGroup(CommitmentCoverageProjection.NAME)
public class CommitmentCoverageProjection {

    public static final String NAME = "commitment-coverage";
    /** Bump when the tables or their meaning change. */
    public static final int VERSION = 1;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    public CommitmentCoverageProjection(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    CommitmentCoverageProjection(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(CommitmentSubmitted e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                insert into commitment_record (commitment_id, organization_id, member_id, year, submitted_on,
                                               last_position)
                values (:id, :org, :member, :year, :on, :position) on conflict (commitment_id) do nothing""",
                params(e.commitmentId(), position).addValue("org", e.organizationId()).addValue("member", e.memberId())
                        .addValue("year", e.year()).addValue("on", e.submittedOn(), Types.DATE));
        advance(position);
    }

    @EventHandler
    void on(CommitmentReviewed e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                update commitment_record set reviewed_on = :on, last_position = greatest(last_position, :position) where commitment_id = :id""",
                params(e.commitmentId(), position).addValue("on", e.reviewedOn(), Types.DATE));
        advance(position);
    }

    @EventHandler
    void on(CommitmentSelfAssessed e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                update commitment_record set self_assessed_on = :on, fulfilled = :fulfilled, last_position = greatest(last_position, :position)
                 where commitment_id = :id""",
                params(e.commitmentId(), position).addValue("on", e.assessedOn(), Types.DATE)
                        .addValue("fulfilled", e.fulfilled()));
        advance(position);
    }

    @EventHandler
    void on(CommitmentBreachNoted e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                insert into commitment_breach (commitment_id, position, meeting_id, description, noted_on)
                values (:id, :position, :meeting, :description, :on) on conflict do nothing""",
                params(e.commitmentId(), position).addValue("meeting", e.meetingId())
                        .addValue("description", e.description()).addValue("on", e.notedOn(), Types.DATE));
        advance(position);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from commitment_breach", Map.of());
        jdbc.update("delete from commitment_record", Map.of());
        jdbc.update("delete from projection_position where projection = :projection",
                new MapSqlParameterSource("projection", NAME));
    }

    @QueryHandler
    CommitmentCoverage handle(FindCommitmentCoverage query) {
        Paging.check(query.page(), query.size());
        Provenance provenance = ProjectionPositions.provenance(jdbc, NAME, VERSION, List.of(NAME, MemberRollProjection.NAME, OrganizationTreeProjection.NAME));
        LocalDate d = Subtree.yearEndOrToday(query.year(), clock);
        Subtree subtree = Subtree.of(jdbc, query.organizationId(), d);
        Map<String, int[]> perOrganization = new LinkedHashMap<>();
        jdbc.query("""
                select r.organization_id,
                       count(*) as expected,
                       count(c.commitment_id) as submitted,
                       count(c.reviewed_on) as reviewed,
                       count(c.self_assessed_on) as self_assessed,
                       coalesce(sum((select count(*) from commitment_breach b
                                      where b.commitment_id = c.commitment_id)), 0) as breaches
                  from member_roll_period r
                  left join commitment_record c on c.member_id = r.member_id and c.year = :year
                 where r.organization_id = any(:orgs)
                   and r.valid_from <= :d and (r.valid_to is null or r.valid_to > :d)
                   and r.membership in ('PROBATIONARY', 'OFFICIAL')
                   and not r.fully_exempt and not r.temporarily_transferred_in
                 group by r.organization_id""",
                new MapSqlParameterSource("orgs", subtree.idArray()).addValue("year", query.year())
                        .addValue("d", d, Types.DATE),
                rs -> {
                    perOrganization.put(rs.getString("organization_id"), new int[]{rs.getInt("expected"),
                            rs.getInt("submitted"), rs.getInt("reviewed"), rs.getInt("self_assessed"),
                            rs.getInt("breaches")});
                });
        int[] total = new int[5];
        List<CommitmentCoverage.Cell> cells = new ArrayList<>();
        for (Subtree.Node node : subtree.all()) {
            int[] own = perOrganization.get(node.organizationId());
            if (own == null) {
                continue;
            }
            for (int i = 0; i < total.length; i++) {
                total[i] += own[i];
            }
            cells.add(new CommitmentCoverage.Cell(node.organizationId(), node.name(), counts(own)));
        }
        // every cell is counted for the subtree's figures; only the page asked for is answered
        return new CommitmentCoverage(query.organizationId(), query.year(), d, counts(total),
                Paging.page(cells, query.page(), query.size()), query.page(), query.size(), cells.size(), provenance);
    }

    private static CommitmentCoverage.Counts counts(int[] v) {
        return CommitmentCoverage.Counts.of(v[0], v[1], v[2], v[3], v[4]);
    }

    private void advance(long position) {
        ProjectionPositions.advance(jdbc, NAME, position);
    }

    private static MapSqlParameterSource params(String commitmentId, long position) {
        return new MapSqlParameterSource("id", commitmentId).addValue("position", position);
    }

    private static long position(TrackingToken token) {
        return ProjectionPositions.of(token);
    }
}
