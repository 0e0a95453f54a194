package vn.partyledger.query.member;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import vn.partyledger.query.BatchWrites;
import vn.partyledger.query.ProjectionPositions;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import vn.partyledger.api.member.ActivitySuspended;
import vn.partyledger.api.member.AwarenessCourseCompleted;
import vn.partyledger.api.member.CandidateRegistered;
import vn.partyledger.api.member.ExistingMemberEnrolled;
import vn.partyledger.api.member.MemberDataCorrected;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.CandidateList;
import vn.partyledger.api.member.FindCandidates;
import vn.partyledger.api.member.FindMember;
import vn.partyledger.api.member.FullExemptionEnded;
import vn.partyledger.api.member.FullExemptionGranted;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.MemberAdmitted;
import vn.partyledger.api.member.MemberDeceased;
import vn.partyledger.api.member.MemberReinstated;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.member.MemberView;
import vn.partyledger.api.member.MembershipMadeOfficial;
import vn.partyledger.api.member.ProbationaryRemoved;
import vn.partyledger.api.member.RollRemoved;
import vn.partyledger.api.member.TemporaryExemptionEnded;
import vn.partyledger.api.member.TemporaryExemptionGranted;
import vn.partyledger.api.member.TemporaryTransferEnded;
import vn.partyledger.api.member.TransferIssued;
import vn.partyledger.api.member.TransferKind;
import vn.partyledger.api.member.TransferReceived;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.rules.roll.RollFold;
import vn.partyledger.api.rules.roll.RollFold.Fact;
import vn.partyledger.api.rules.roll.RollFold.Kind;

/**
 * Member roll: each member's current record and the periods in which they were on (or guests of) a roll, so that
 * counts as of any business date are a SQL filter on {@code member_roll_period}.
 */
@Component
@ProcessingGroup(MemberRollProjection.NAME)
public class MemberRollProjection {

    public static final String NAME = "member-roll";
    /** Bump when the tables or their meaning change: answers built by another version are not comparable. */
    public static final int VERSION = 1;

    /** The batch's deferred re-fold of the members it touched. */
    private static final String REFOLD = MemberRollProjection.class.getName() + ".refold";

    /**
     * A cell's candidates, by name. The status is written into the text, not bound, so the planner can always prove
     * the partial index's condition ({@code member_roll_member_candidates}), a generic plan of a prepared statement too.
     */
    static final String CANDIDATES = """
            select * from member_roll_member where organization_id = :organization and status = 'CANDIDATE'
             order by full_name, member_id""";

    private static final RowMapper<Fact> FACT = (rs, n) -> new Fact(
            rs.getObject("effective_on", LocalDate.class), rs.getLong("position"), Kind.valueOf(rs.getString("kind")),
            rs.getString("organization_id"), rs.getObject("until", LocalDate.class));

    private final NamedParameterJdbcTemplate jdbc;

    public MemberRollProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CandidateRegistered e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                insert into member_roll_member (member_id, full_name, birth_date, gender, ethnicity, education_level,
                                                last_position)
                values (:member, :name, :birth, :gender, :ethnicity, :education, :position)
                on conflict (member_id) do update set full_name = excluded.full_name, birth_date = excluded.birth_date,
                    gender = excluded.gender, ethnicity = excluded.ethnicity,
                    education_level = excluded.education_level, last_position = excluded.last_position""",
                params(e.memberId(), position)
                        .addValue("name", e.fullName())
                        .addValue("birth", e.birthDate(), Types.DATE)
                        .addValue("gender", name(e.gender()))
                        .addValue("ethnicity", e.ethnicity())
                        .addValue("education", name(e.educationLevel())));
        record(e.memberId(), position, new Fact(e.registeredOn(), position, Kind.REGISTERED, e.organizationId(), null), null);
    }

    /** A correction replaces the recorded value; the history views keep both (docs/decisions/0011). */
    @EventHandler
    void on(MemberDataCorrected e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                update member_roll_member set full_name = coalesce(:name, full_name),
                       birth_date = coalesce(:birth, birth_date), last_position = :position
                 where member_id = :member""",
                params(e.memberId(), position).addValue("name", e.fullName())
                        .addValue("birth", e.birthDate(), Types.DATE));
        ProjectionPositions.advance(jdbc, NAME, position);
    }

    @EventHandler
    void on(ExistingMemberEnrolled e, TrackingToken token) {
        long position = position(token);
        BatchWrites.update(jdbc, """
                insert into member_roll_member (member_id, full_name, birth_date, gender, ethnicity, education_level,
                                                admitted_on, ceremony_date, probation_ends_on, official_on, last_position)
                values (:member, :name, :birth, :gender, :ethnicity, :education, :admitted, :ceremony, :probationEnds,
                        :official, :position)
                on conflict (member_id) do update set full_name = excluded.full_name, birth_date = excluded.birth_date,
                    gender = excluded.gender, ethnicity = excluded.ethnicity, education_level = excluded.education_level,
                    admitted_on = excluded.admitted_on, ceremony_date = excluded.ceremony_date,
                    probation_ends_on = excluded.probation_ends_on, official_on = excluded.official_on,
                    last_position = excluded.last_position""",
                params(e.memberId(), position)
                        .addValue("name", e.fullName())
                        .addValue("birth", e.birthDate(), Types.DATE)
                        .addValue("gender", name(e.gender()))
                        .addValue("ethnicity", e.ethnicity())
                        .addValue("education", name(e.educationLevel()))
                        .addValue("admitted", e.admittedOn(), Types.DATE)
                        .addValue("ceremony", e.ceremonyDate(), Types.DATE)
                        .addValue("probationEnds", e.probationEndsOn(), Types.DATE)
                        .addValue("official", e.officialOn(), Types.DATE));
        // The roll's history starts at the original admission, not at the day the paper roll was taken over.
        record(e.memberId(), position,
                new Fact(e.admittedOn(), position, Kind.ENROLLED, e.organizationId(), e.officialOn()), null);
    }

    @EventHandler
    void on(AwarenessCourseCompleted e, TrackingToken token) {
        long position = position(token);
        ensureMember(e.memberId(), position);
        BatchWrites.update(jdbc, """
                update member_roll_member set awareness_certificate_no = :certificate, last_position = :position
                 where member_id = :member""",
                params(e.memberId(), position).addValue("certificate", e.certificateNo()));
        advance(position);
    }

    @EventHandler
    void on(MemberAdmitted e, TrackingToken token) {
        long position = position(token);
        ensureMember(e.memberId(), position);
        BatchWrites.update(jdbc, """
                update member_roll_member set admitted_on = :admitted, ceremony_date = :ceremony,
                       probation_ends_on = :probationEnds, last_position = :position
                 where member_id = :member""",
                params(e.memberId(), position)
                        .addValue("admitted", e.decisionDate(), Types.DATE)
                        .addValue("ceremony", e.ceremonyDate(), Types.DATE)
                        .addValue("probationEnds", e.probationEndsOn(), Types.DATE));
        // On the roll from the admission decision: seniority counts from it (P6), the ceremony only starts probation.
        record(e.memberId(), position, new Fact(e.decisionDate(), position, Kind.ADMITTED, e.organizationId(), null), null);
    }

    @EventHandler
    void on(MembershipMadeOfficial e, TrackingToken token) {
        long position = position(token);
        ensureMember(e.memberId(), position);
        BatchWrites.update(jdbc, "update member_roll_member set official_on = :official, last_position = :position where member_id = :member",
                params(e.memberId(), position).addValue("official", e.effectiveDate(), Types.DATE));
        // Effective at the end of probation even when decided later (P5): the fold places it on that date.
        record(e.memberId(), position, new Fact(e.effectiveDate(), position, Kind.MADE_OFFICIAL, null, null), null);
    }

    @EventHandler
    void on(ProbationaryRemoved e, TrackingToken token) {
        fact(e.memberId(), token, e.removedOn(), Kind.PROBATION_ENDED, null, null, null);
    }

    @EventHandler
    void on(TransferIssued e, TrackingToken token) {
        boolean outside = e.toOrganizationId() == null;
        Kind kind = e.kind() == TransferKind.OFFICIAL
                ? (outside ? Kind.OFFICIAL_TRANSFER_ISSUED_OUTSIDE : Kind.OFFICIAL_TRANSFER_ISSUED)
                : (outside ? Kind.TEMPORARY_TRANSFER_ISSUED_OUTSIDE : Kind.TEMPORARY_TRANSFER_ISSUED);
        fact(e.memberId(), token, e.issuedOn(), kind, null, e.toOrganizationId(), e.until());
    }

    @EventHandler
    void on(TransferReceived e, TrackingToken token) {
        Kind kind = e.kind() == TransferKind.OFFICIAL ? Kind.OFFICIAL_TRANSFER_RECEIVED : Kind.TEMPORARY_TRANSFER_RECEIVED;
        fact(e.memberId(), token, e.receivedOn(), kind, e.organizationId(), e.fromOrganizationId(), null);
    }

    @EventHandler
    void on(TemporaryTransferEnded e, TrackingToken token) {
        fact(e.memberId(), token, e.endedOn(), Kind.TEMPORARY_TRANSFER_ENDED, null, e.hostOrganizationId(), null);
    }

    @EventHandler
    void on(FullExemptionGranted e, TrackingToken token) {
        fact(e.memberId(), token, e.grantedOn(), Kind.FULL_EXEMPTION_GRANTED, null, null, null);
    }

    @EventHandler
    void on(FullExemptionEnded e, TrackingToken token) {
        fact(e.memberId(), token, e.endedOn(), Kind.FULL_EXEMPTION_ENDED, null, null, null);
    }

    @EventHandler
    void on(TemporaryExemptionGranted e, TrackingToken token) {
        // `until` is shown, not acted on: the exemption ends with TemporaryExemptionEnded, which is the recorded fact.
        fact(e.memberId(), token, e.from(), Kind.TEMPORARY_EXEMPTION_GRANTED, null, null, e.until());
    }

    @EventHandler
    void on(TemporaryExemptionEnded e, TrackingToken token) {
        fact(e.memberId(), token, e.endedOn(), Kind.TEMPORARY_EXEMPTION_ENDED, null, null, null);
    }

    @EventHandler
    void on(ActivitySuspended e, TrackingToken token) {
        fact(e.memberId(), token, e.suspendedOn(), Kind.SUSPENDED, null, null, null);
    }

    @EventHandler
    void on(MemberReinstated e, TrackingToken token) {
        fact(e.memberId(), token, e.reinstatedOn(), Kind.REINSTATED, null, null, null);
    }

    @EventHandler
    void on(RollRemoved e, TrackingToken token) {
        fact(e.memberId(), token, e.removedOn(), Kind.ROLL_REMOVED, null, null, null);
    }

    @EventHandler
    void on(MemberDeceased e, TrackingToken token) {
        fact(e.memberId(), token, e.diedOn(), Kind.DECEASED, null, null, null);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from member_roll_period", Map.of());
        jdbc.update("delete from member_roll_fact", Map.of());
        jdbc.update("delete from member_roll_member", Map.of());
        jdbc.update("delete from projection_position where projection = :projection",
                new MapSqlParameterSource("projection", NAME));
    }

    @QueryHandler
    MemberView handle(FindMember query) {
        Provenance provenance = provenance();
        return jdbc.query("select * from member_roll_member where member_id = :member",
                new MapSqlParameterSource("member", query.memberId()), memberView(provenance))
                .stream().findFirst()
                .orElseThrow(() -> new NoSuchElementException("no member " + query.memberId() + " in the member roll"));
    }

    @QueryHandler
    CandidateList handle(FindCandidates query) {
        Provenance provenance = provenance();
        return new CandidateList(query.organizationId(), jdbc.query(CANDIDATES,
                new MapSqlParameterSource("organization", query.organizationId()), memberView(provenance)),
                provenance);
    }

    private static RowMapper<MemberView> memberView(Provenance provenance) {
        return (rs, n) -> new MemberView(
                rs.getString("member_id"), rs.getString("full_name"), rs.getObject("birth_date", LocalDate.class),
                value(Gender.class, rs.getString("gender")), rs.getString("ethnicity"),
                value(EducationLevel.class, rs.getString("education_level")), rs.getString("organization_id"),
                value(MemberStatus.class, rs.getString("status")), rs.getBoolean("fully_exempt"),
                rs.getBoolean("temporarily_exempt"), rs.getObject("temporary_exemption_until", LocalDate.class),
                rs.getBoolean("suspended"), rs.getString("host_organization_id"),
                rs.getObject("admitted_on", LocalDate.class), rs.getObject("ceremony_date", LocalDate.class),
                rs.getObject("official_on", LocalDate.class), rs.getObject("probation_ends_on", LocalDate.class),
                rs.getString("awareness_certificate_no"), provenance);
    }

    private Provenance provenance() {
        return ProjectionPositions.provenance(jdbc, NAME, VERSION, List.of(NAME));
    }

    private void fact(String memberId, TrackingToken token, LocalDate on, Kind kind, String organizationId,
                      String counterpartId, LocalDate until) {
        long position = position(token);
        ensureMember(memberId, position);
        record(memberId, position, new Fact(on, position, kind, organizationId, until), counterpartId);
    }

    /** {@code counterpartId}: the other organisation of a transfer, kept with the fact for inspection. */
    private void record(String memberId, long position, Fact fact, String counterpartId) {
        BatchWrites.update(jdbc, """
                insert into member_roll_fact (member_id, position, effective_on, kind, organization_id, counterpart_id, until)
                values (:member, :position, :on, :kind, :organization, :counterpart, :until)
                on conflict (member_id, position) where position >= 0 do nothing""",
                params(memberId, position)
                        .addValue("on", fact.on(), Types.DATE)
                        .addValue("kind", fact.kind().name())
                        .addValue("organization", fact.organizationId())
                        .addValue("counterpart", counterpartId)
                        .addValue("until", fact.until(), Types.DATE));
        BatchWrites.defer(REFOLD, Touched::new, touched -> touched.members.merge(memberId, position, Math::max),
                this::refold);
        advance(position);
    }

    /** Members whose facts a batch changed, each with the position of its latest such event. */
    private static final class Touched {
        private final Map<String, Long> members = new LinkedHashMap<>();
    }

    /**
     * Folds the history of every member the batch touched once, after the batch's facts are written: a member with
     * many facts in one batch is read and folded once, not once per fact. A back-dated fact may change any period,
     * so each touched member's periods are replaced as a whole.
     */
    private void refold(Touched touched) {
        var members = new MapSqlParameterSource("members", touched.members.keySet().toArray(String[]::new));
        Map<String, List<Fact>> facts = new HashMap<>();
        jdbc.query("""
                select member_id, effective_on, position, kind, organization_id, counterpart_id, until
                  from member_roll_fact where member_id = any(:members) order by member_id, effective_on, position, seq""",
                members, rs -> {
                    facts.computeIfAbsent(rs.getString("member_id"), k -> new ArrayList<>())
                            .add(FACT.mapRow(rs, 0));
                });
        jdbc.update("delete from member_roll_period where member_id = any(:members)", members);
        List<SqlParameterSource> periods = new ArrayList<>();
        List<SqlParameterSource> current = new ArrayList<>();
        touched.members.forEach((memberId, position) -> {
            RollFold.Result result = RollFold.fold(facts.getOrDefault(memberId, List.of()));
            result.periods().forEach(p -> periods.add(params(memberId, p.lastPosition())
                    .addValue("organization", p.row().organizationId())
                    .addValue("status", p.row().status().name())
                    .addValue("membership", p.row().membership().name())
                    .addValue("fullyExempt", p.row().fullyExempt())
                    .addValue("temporarilyExempt", p.row().temporarilyExempt())
                    .addValue("suspended", p.row().suspended())
                    .addValue("in", p.row().transferredIn())
                    .addValue("out", p.row().transferredOut())
                    .addValue("from", p.from(), Types.DATE)
                    .addValue("to", p.to(), Types.DATE)));
            RollFold.Current c = result.current();
            current.add(params(memberId, position)
                    .addValue("organization", c.organizationId())
                    .addValue("status", name(c.status()))
                    .addValue("fullyExempt", c.fullyExempt())
                    .addValue("temporarilyExempt", c.temporarilyExempt())
                    .addValue("until", c.temporaryExemptionUntil(), Types.DATE)
                    .addValue("suspended", c.suspended())
                    .addValue("host", c.hostOrganizationId()));
        });
        if (!periods.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into member_roll_period (member_id, organization_id, status, membership, fully_exempt,
                        temporarily_exempt, suspended, temporarily_transferred_in, temporarily_transferred_out,
                        valid_from, valid_to, last_position)
                    values (:member, :organization, :status, :membership, :fullyExempt, :temporarilyExempt, :suspended,
                        :in, :out, :from, :to, :position)""", periods.toArray(SqlParameterSource[]::new));
        }
        // greatest: a later event of the same batch that is no fact (a data correction) has already moved the row on.
        jdbc.batchUpdate("""
                update member_roll_member set organization_id = :organization, status = :status,
                       fully_exempt = :fullyExempt, temporarily_exempt = :temporarilyExempt,
                       temporary_exemption_until = :until, suspended = :suspended, host_organization_id = :host,
                       last_position = greatest(last_position, :position)
                 where member_id = :member""", current.toArray(SqlParameterSource[]::new));
    }

    private void ensureMember(String memberId, long position) {
        BatchWrites.update(jdbc, """
                insert into member_roll_member (member_id, last_position) values (:member, :position)
                on conflict (member_id) do nothing""", params(memberId, position));
    }

    private void advance(long position) {
        ProjectionPositions.advance(jdbc, NAME, position);
    }

    private static MapSqlParameterSource params(String memberId, long position) {
        return new MapSqlParameterSource("member", memberId).addValue("position", position);
    }

    private static long position(TrackingToken token) {
        return ProjectionPositions.of(token);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
