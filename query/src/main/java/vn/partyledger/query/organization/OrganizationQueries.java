package vn.partyledger.query.organization;

import vn.partyledger.query.Paging;
import vn.partyledger.query.ProjectionPositions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.member.CandidateRegistered;
import vn.partyledger.api.member.ExistingMemberEnrolled;
import vn.partyledger.api.member.MemberDataCorrected;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.FindOrganization;
import vn.partyledger.api.organization.FindOrganizationTree;
import vn.partyledger.api.organization.FindRoll;
import vn.partyledger.api.organization.LiaisonAssigned;
import vn.partyledger.api.organization.LiaisonEnded;
import vn.partyledger.api.organization.OfficerAssigned;
import vn.partyledger.api.organization.OfficerRemoved;
import vn.partyledger.api.organization.OfficerRole;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.organization.OrganizationTree;
import vn.partyledger.api.organization.OrganizationView;
import vn.partyledger.api.organization.RegularMeetingDaySet;
import vn.partyledger.api.organization.RollCounts;
import vn.partyledger.api.organization.RollStandards;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.organization.RollView;
import vn.partyledger.api.organization.VisitQuota;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.query.member.MemberRollProjection;

/**
 * As-of answers about organisations: the tree and the roll combine the organization-tree periods (who is under whom
 * on the date) with the member-roll periods (who is on which roll on the date). Unknown ids throw
 * {@link NoSuchElementException}, which the web layer maps to 404.
 */
@Component
public class OrganizationQueries {

    /** Business dates are Vietnamese dates: "today" is today in Hà Nội, whatever the server's zone. */
    static final ZoneId LEDGER_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    // Temporary guests (P9) are listed on the host's roll but counted apart: never in official/probationary, and
    // their exemptions or suspension are the home roll's business.
    private static final String COUNTS = """
            count(*) filter (where not temporarily_transferred_in and membership = 'OFFICIAL') as official,
            count(*) filter (where not temporarily_transferred_in and membership = 'PROBATIONARY') as probationary,
            count(*) filter (where not temporarily_transferred_in and fully_exempt) as fully_exempt,
            count(*) filter (where not temporarily_transferred_in and temporarily_exempt) as temporarily_exempt,
            count(*) filter (where not temporarily_transferred_in and suspended) as suspended,
            count(*) filter (where temporarily_transferred_in) as temporarily_transferred_in,
            count(*) filter (where temporarily_transferred_out) as temporarily_transferred_out""";

    private static final String[] COUNT_COLUMNS = {"official", "probationary", "fully_exempt", "temporarily_exempt",
            "suspended", "temporarily_transferred_in", "temporarily_transferred_out"};

    /** The events that name a member: the latest one known names them in a roll known at an instant. */
    private static final String NAMING = Stream.of(CandidateRegistered.class, ExistingMemberEnrolled.class,
            MemberDataCorrected.class).map(type -> "'" + type.getName() + "'").collect(Collectors.joining(", "));

    private static final String ON_DAY = "valid_from <= :d and (valid_to is null or valid_to > :d)";

    // Organisations alive on :d and their parent on :d, walked down from the roots (%s). path guards against a cycle in
    // damaged data and gives each node its ancestors, over which subtree counts are summed.
    private static final String STRUCTURE = """
            alive as (
                select organization_id from org
                 where established_on <= :d and (ended_on is null or ended_on > :d)),
            parent_on_day as (
                select p.organization_id, p.parent_id from parent_period p join alive a using (organization_id)
                 where p.valid_from <= :d and (p.valid_to is null or p.valid_to > :d)),
            tree (organization_id, path) as (
                select organization_id, array[organization_id] from %s
                union all
                select c.organization_id, t.path || c.organization_id
                  from tree t join parent_on_day c on c.parent_id = t.organization_id
                 where not c.organization_id = any(t.path))
            """;

    // The roll counts of the tree's nodes on :d, own and summed over each node's subtree (%s: the roll's periods).
    private static final String COUNTED = """
            ,
            own as (
                select r.organization_id, %s
                  from %s r join tree t using (organization_id)
                 where r.valid_from <= :d and (r.valid_to is null or r.valid_to > :d)
                 group by r.organization_id),
            subtree as (
                select a.organization_id,
                       sum(own.official) as official, sum(own.probationary) as probationary,
                       sum(own.fully_exempt) as fully_exempt, sum(own.temporarily_exempt) as temporarily_exempt,
                       sum(own.suspended) as suspended, sum(own.temporarily_transferred_in) as temporarily_transferred_in,
                       sum(own.temporarily_transferred_out) as temporarily_transferred_out
                  -- each node's counts go to every node on its path (itself included): a few rows per node, where
                  -- pairing every node with every other took over a minute for a province's 32,000 organisations
                  from tree d cross join lateral unnest(d.path) as a(organization_id)
                  join own on own.organization_id = d.organization_id
                 group by a.organization_id)
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final KnownRoll knownRoll;

    @Autowired
    public OrganizationQueries(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    OrganizationQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.knownRoll = new KnownRoll(jdbc);
    }

    @QueryHandler
    OrganizationView handle(FindOrganization query) {
        LocalDate d = dateOf(query.asOf());
        Instant knownAt = query.knownAt();
        Provenance provenance = provenance(OrganizationTreeProjection.NAME, OrganizationTreeProjection.VERSION)
                .at(d, knownAt);
        Organization o = organization(query.organizationId(), knownAt);
        // After its end an organisation keeps the parent it last had, so an inspector sees where it used to sit.
        LocalDate structural = o.endedOn() != null && !d.isBefore(o.endedOn()) ? o.endedOn().minusDays(1) : d;
        var p = params(structural, knownAt).addValue("org", o.id());
        List<String> parents = jdbc.queryForList("with recursive " + KnownTree.ctes(knownAt != null)
                + " select parent_id from parent_period where organization_id = :org and " + ON_DAY
                + " order by valid_from desc limit 1", p, String.class);
        String parentId = parents.isEmpty() ? null : parents.get(0);
        p = params(d, knownAt).addValue("org", o.id());
        Staff staff = knownAt == null ? staff(p) : knownStaff(o, d, knownAt);
        Sources sources = sources("(values (cast(:org as text))) as root (organization_id)", d, knownAt, p);
        RollCounts own = ownCounts(sources, p);
        List<RuleOutcome> warnings = o.endedOn() != null && !d.isBefore(o.endedOn()) ? List.of()
                // the subtree (a recursive query) matters only to O2, which judges grassroots organisations
                : RollStandards.judgeOn(d, o.level(), o.grassroots(), own,
                        o.grassroots() ? subtreeCounts(sources, p) : own);
        return new OrganizationView(o.id(), o.name(), o.level(), o.cellType(), o.grassroots(), parentId,
                o.establishedOn(), o.endedOn(), o.endReason(), o.mergedInto(), staff.meetingDay(),
                staff.committeePrepDay(), staff.officers(), staff.liaisons(), own, warnings, provenance);
    }

    @QueryHandler
    OrganizationTree handle(FindOrganizationTree query) {
        LocalDate d = dateOf(query.asOf());
        Instant knownAt = query.knownAt();
        Provenance provenance = provenance(OrganizationTreeProjection.NAME, OrganizationTreeProjection.VERSION)
                .at(d, knownAt);
        if (query.rootId() != null) {
            organization(query.rootId(), knownAt);
        }
        String start = query.rootId() == null
                ? "parent_on_day where parent_id is null"
                : "parent_on_day where organization_id = :root";
        var p = params(d, knownAt).addValue("root", query.rootId(), Types.VARCHAR);
        String sql = sources(start, d, knownAt, p).counted() + """
                select t.organization_id, t.path, o.name, o.level, o.cell_type, o.grassroots, o.established_on,
                       o.ended_on,
                       coalesce(own.official, 0) as official, coalesce(own.probationary, 0) as probationary,
                       coalesce(own.fully_exempt, 0) as fully_exempt,
                       coalesce(own.temporarily_exempt, 0) as temporarily_exempt,
                       coalesce(own.suspended, 0) as suspended,
                       coalesce(own.temporarily_transferred_in, 0) as temporarily_transferred_in,
                       coalesce(own.temporarily_transferred_out, 0) as temporarily_transferred_out,
                       coalesce(s.official, 0) as s_official, coalesce(s.probationary, 0) as s_probationary,
                       coalesce(s.fully_exempt, 0) as s_fully_exempt,
                       coalesce(s.temporarily_exempt, 0) as s_temporarily_exempt,
                       coalesce(s.suspended, 0) as s_suspended,
                       coalesce(s.temporarily_transferred_in, 0) as s_temporarily_transferred_in,
                       coalesce(s.temporarily_transferred_out, 0) as s_temporarily_transferred_out
                  from tree t join org o using (organization_id)
                  left join own using (organization_id)
                  left join subtree s using (organization_id)
                 order by cardinality(t.path), o.name, t.organization_id""";
        Map<String, NodeRow> rows = new LinkedHashMap<>();
        jdbc.query(sql, p, rs -> {
            String[] path = (String[]) rs.getArray("path").getArray();
            rows.put(rs.getString("organization_id"), new NodeRow(
                    rs.getString("organization_id"), path.length > 1 ? path[path.length - 2] : null,
                    rs.getString("name"), OrganizationLevel.valueOf(rs.getString("level")),
                    cellType(rs.getString("cell_type")), rs.getBoolean("grassroots"),
                    rs.getObject("established_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                    counts(rs, ""), counts(rs, "s_")));
        });
        Map<String, List<NodeRow>> children = new HashMap<>();
        List<NodeRow> roots = new ArrayList<>();
        // Rows arrive by depth then name, so every child list is already in name order.
        for (NodeRow row : rows.values()) {
            if (row.parentId() == null || !rows.containsKey(row.parentId())) {
                roots.add(row);
            } else {
                children.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row);
            }
        }
        return new OrganizationTree(d, roots.stream().map(r -> node(r, children, d)).toList(), provenance);
    }

    @QueryHandler
    RollView handle(FindRoll query) {
        Paging.check(query.page(), query.size());
        LocalDate d = dateOf(query.asOf());
        Instant knownAt = query.knownAt();
        Provenance provenance = provenance(MemberRollProjection.NAME, MemberRollProjection.VERSION).at(d, knownAt);
        Organization o = organization(query.organizationId(), knownAt);
        var p = params(d, knownAt).addValue("org", o.id())
                .addValue("limit", query.size())
                .addValue("offset", (long) query.page() * query.size());
        Sources sources = sources("(values (cast(:org as text))) as root (organization_id)", d, knownAt, p);
        // Known at an instant, a name is the one the ledger held then: the latest registration, enrolment or
        // correction naming the member, recorded by then. The dates come from the refolded facts.
        String member = knownAt == null ? """
                select r.*, m.full_name, m.admitted_on, m.official_on as official
                  from member_roll_period r left join member_roll_member m using (member_id)""" : """
                select r.*, n.full_name, r.official_on as official
                  from roll_period r
                  left join lateral (select convert_from(e.payload, 'UTF8')::jsonb ->> 'fullName' as full_name
                                       from ledger_event e
                                      where e.aggregate_id = r.member_id and e.payload_type in (%s)
                                        and e.recorded_at <= cast(:knownAt as timestamptz)
                                        and convert_from(e.payload, 'UTF8')::jsonb ->> 'fullName' is not null
                                      order by e.aggregate_seq desc limit 1) n on true""".formatted(NAMING);
        List<RollView.Entry> items = jdbc.query(sources.with() + """
                        select member_id, full_name, status, fully_exempt, temporarily_exempt, suspended,
                               temporarily_transferred_in, temporarily_transferred_out, admitted_on,
                               case when official <= :d then official end as official_on
                          from (""" + member + """
                               ) r
                         where r.organization_id = :org and r.valid_from <= :d and (r.valid_to is null or r.valid_to > :d)
                         order by full_name, member_id
                         limit :limit offset :offset""", p,
                (rs, n) -> new RollView.Entry(rs.getString("member_id"), rs.getString("full_name"),
                        MemberStatus.valueOf(rs.getString("status")), rs.getBoolean("fully_exempt"),
                        rs.getBoolean("temporarily_exempt"), rs.getBoolean("suspended"),
                        rs.getBoolean("temporarily_transferred_in"), rs.getBoolean("temporarily_transferred_out"),
                        rs.getObject("admitted_on", LocalDate.class), rs.getObject("official_on", LocalDate.class)));
        Long total = jdbc.queryForObject(sources.with() + " select count(*) from " + sources.roll()
                + " where organization_id = :org and " + ON_DAY, p, Long.class);
        RollCounts subtree = subtreeCounts(sources, p);
        return new RollView(o.id(), d, ownCounts(sources, p), subtree, items, query.page(), query.size(),
                total == null ? 0 : total, provenance);
    }

    /**
     * The common table expressions of a read on :d: the organisations as known ({@link KnownTree}), the tree under
     * {@code start}, and the roll's periods — the member-roll read model's, or known at {@code knownAt} the refolded
     * ones of the tree's organisations ({@link KnownRoll}, bound into {@code p}).
     */
    private Sources sources(String start, LocalDate d, Instant knownAt, MapSqlParameterSource p) {
        String with = "with recursive " + KnownTree.ctes(knownAt != null) + ",\n" + STRUCTURE.formatted(start);
        if (knownAt == null) {
            return new Sources(with, "member_roll_period");
        }
        List<String> organizations = jdbc.queryForList(with + " select organization_id from tree", p, String.class);
        knownRoll.on(p, organizations, d, knownAt);
        return new Sources(with + ",\n" + KnownRoll.CTE + "\n", "roll_period");
    }

    private record Sources(String with, String roll) {
        String counted() {
            return with + COUNTED.formatted(COUNTS, roll);
        }
    }

    private RollCounts subtreeCounts(Sources sources, MapSqlParameterSource p) {
        return jdbc.queryForObject(sources.counted() + """
                select coalesce(sum(official), 0) as official, coalesce(sum(probationary), 0) as probationary,
                       coalesce(sum(fully_exempt), 0) as fully_exempt,
                       coalesce(sum(temporarily_exempt), 0) as temporarily_exempt,
                       coalesce(sum(suspended), 0) as suspended,
                       coalesce(sum(temporarily_transferred_in), 0) as temporarily_transferred_in,
                       coalesce(sum(temporarily_transferred_out), 0) as temporarily_transferred_out
                  from own""", p, (rs, n) -> counts(rs, ""));
    }

    private RollCounts ownCounts(Sources sources, MapSqlParameterSource p) {
        return jdbc.queryForObject(sources.with() + " select " + COUNTS + " from " + sources.roll()
                + " where organization_id = :org and " + ON_DAY, p, (rs, n) -> counts(rs, ""));
    }

    /** Officers, liaisons and the meeting day on :d, as the organization-tree read model has them now. */
    private Staff staff(MapSqlParameterSource p) {
        List<OrganizationView.Officer> officers = jdbc.query("""
                        select o.member_id, m.full_name, o.role, o.valid_from, o.valid_to
                          from org_tree_officer_period o left join member_roll_member m using (member_id)
                         where o.organization_id = :org and o.valid_from <= :d and (o.valid_to is null or o.valid_to > :d)
                         order by o.valid_from, o.member_id""", p,
                (rs, n) -> new OrganizationView.Officer(rs.getString("member_id"), rs.getString("full_name"),
                        OfficerRole.valueOf(rs.getString("role")), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)));
        List<OrganizationView.Liaison> liaisons = jdbc.query("""
                        select liaison_member_id, superior_organization_id, visits, visit_period, valid_from, valid_to
                          from org_tree_liaison_period
                         where organization_id = :org and valid_from <= :d and (valid_to is null or valid_to > :d)
                         order by valid_from, liaison_member_id""", p,
                (rs, n) -> new OrganizationView.Liaison(rs.getString("liaison_member_id"),
                        rs.getString("superior_organization_id"), quota(rs),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)));
        Integer[] meetingDays = jdbc.query("""
                        select day_of_month, committee_prep_day from org_tree_meeting_day
                         where organization_id = :org and effective_from <= :d order by effective_from desc limit 1""", p,
                (rs, n) -> new Integer[]{rs.getInt("day_of_month"), (Integer) rs.getObject("committee_prep_day")})
                .stream().findFirst().orElse(new Integer[]{null, null});
        return new Staff(sorted(officers), liaisons, meetingDays[0], meetingDays[1]);
    }

    /**
     * Officers, liaisons and the meeting day on {@code d} as the ledger stood at {@code knownAt}: the organisation's
     * own stream, read from the store by aggregate up to that instant and applied as the organization-tree read model
     * applies it (a removal ends the post held on its day; the end of the organisation ends every post and liaison).
     */
    private Staff knownStaff(Organization o, LocalDate d, Instant knownAt) {
        List<Post> posts = new ArrayList<>();
        List<Post> follows = new ArrayList<>();
        Integer[] meetingDay = {null, null};
        LocalDate[] dayFrom = {null};
        var p = KnownRoll.knownAt(new MapSqlParameterSource("org", o.id()), knownAt);
        jdbc.query("""
                select payload_type, p ->> 'memberId' as member_id, p ->> 'liaisonMemberId' as liaison_member_id,
                       p ->> 'role' as role, p ->> 'superiorOrganizationId' as superior,
                       cast(p ->> 'from' as date) as from_on, cast(p ->> 'to' as date) as to_on,
                       cast(p ->> 'endedOn' as date) as ended_on, cast(p ->> 'effectiveFrom' as date) as effective_from,
                       cast(p ->> 'dayOfMonth' as integer) as day_of_month,
                       cast(p ->> 'committeePrepDay' as integer) as prep_day,
                       cast(p -> 'visitQuota' ->> 'visits' as integer) as visits,
                       p -> 'visitQuota' ->> 'per' as visit_period
                  from (select payload_type, aggregate_seq, convert_from(payload, 'UTF8')::jsonb as p
                          from ledger_event
                         where aggregate_id = :org and recorded_at <= cast(:knownAt as timestamptz)) e
                 order by aggregate_seq""", p, rs -> {
            String type = rs.getString("payload_type");
            if (type.equals(OfficerAssigned.class.getName())) {
                posts.add(new Post(rs.getString("member_id"), rs.getString("role"),
                        rs.getObject("from_on", LocalDate.class), rs.getObject("to_on", LocalDate.class), null));
            } else if (type.equals(OfficerRemoved.class.getName())) {
                LocalDate on = rs.getObject("ended_on", LocalDate.class);
                String member = rs.getString("member_id");
                String role = rs.getString("role");
                posts.replaceAll(post -> post.member().equals(member) && post.role().equals(role) && post.holdsOn(on)
                        ? post.endingOn(on) : post);
            } else if (type.equals(LiaisonAssigned.class.getName())) {
                follows.add(new Post(rs.getString("liaison_member_id"), rs.getString("superior"),
                        rs.getObject("from_on", LocalDate.class), null, quota(rs)));
            } else if (type.equals(LiaisonEnded.class.getName())) {
                LocalDate on = rs.getObject("ended_on", LocalDate.class);
                String member = rs.getString("liaison_member_id");
                follows.replaceAll(f -> f.member().equals(member) && f.holdsOn(on) ? f.endingOn(on) : f);
            } else if (type.equals(RegularMeetingDaySet.class.getName())) {
                LocalDate from = rs.getObject("effective_from", LocalDate.class);
                if (!from.isAfter(d) && (dayFrom[0] == null || !from.isBefore(dayFrom[0]))) {
                    dayFrom[0] = from;
                    meetingDay[0] = rs.getInt("day_of_month");
                    meetingDay[1] = (Integer) rs.getObject("prep_day");
                }
            }
        });
        LocalDate ended = o.endedOn();
        Map<String, String> names = names(posts.stream().map(Post::member).toList());
        List<OrganizationView.Officer> officers = posts.stream().map(post -> post.endingOn(ended))
                .filter(post -> post.holdsOn(d))
                .map(post -> new OrganizationView.Officer(post.member(), names.get(post.member()),
                        OfficerRole.valueOf(post.role()), post.from(), post.to()))
                .sorted(Comparator.comparing(OrganizationView.Officer::from)
                        .thenComparing(OrganizationView.Officer::memberId))
                .toList();
        List<OrganizationView.Liaison> liaisons = follows.stream().map(f -> f.endingOn(ended))
                .filter(f -> f.holdsOn(d))
                .sorted(Comparator.comparing(Post::from).thenComparing(Post::member))
                .map(f -> new OrganizationView.Liaison(f.member(), f.role(), f.quota(), f.from(), f.to()))
                .toList();
        return new Staff(sorted(officers), liaisons, meetingDay[0], meetingDay[1]);
    }

    private Map<String, String> names(List<String> memberIds) {
        Map<String, String> names = new HashMap<>();
        if (!memberIds.isEmpty()) {
            jdbc.query("select member_id, full_name from member_roll_member where member_id in (:ids)",
                    new MapSqlParameterSource("ids", memberIds),
                    rs -> {
                        names.put(rs.getString("member_id"), rs.getString("full_name"));
                    });
        }
        return names;
    }

    private static List<OrganizationView.Officer> sorted(List<OrganizationView.Officer> officers) {
        return officers.stream().sorted(Comparator.comparing(OrganizationView.Officer::role)).toList();
    }

    private Organization organization(String organizationId, Instant knownAt) {
        var p = new MapSqlParameterSource("org", organizationId);
        if (knownAt != null) {
            KnownRoll.knownAt(p, knownAt);
        }
        return jdbc.query("with " + KnownTree.org(knownAt != null)
                                + " select * from org where organization_id = :org", p,
                        (rs, n) -> new Organization(rs.getString("organization_id"), rs.getString("name"),
                                OrganizationLevel.valueOf(rs.getString("level")), cellType(rs.getString("cell_type")),
                                rs.getBoolean("grassroots"), rs.getObject("established_on", LocalDate.class),
                                rs.getObject("ended_on", LocalDate.class), rs.getString("end_reason"),
                                rs.getString("merged_into")))
                .stream().findFirst()
                .orElseThrow(() -> new NoSuchElementException("no organization " + organizationId + " in the tree"
                        + (knownAt == null ? "" : " as known at " + knownAt)));
    }

    // The answer joins two projections, each moving on its own; quoting the lower position promises only what both
    // have reflected. A projection that has applied nothing yet does not hold the other back.
    private Provenance provenance(String projection, int version) {
        return ProjectionPositions.provenance(jdbc, projection, version,
                List.of(OrganizationTreeProjection.NAME, MemberRollProjection.NAME));
    }

    private LocalDate dateOf(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.ofInstant(clock.instant(), LEDGER_ZONE);
    }

    private static MapSqlParameterSource params(LocalDate d, Instant knownAt) {
        var p = new MapSqlParameterSource().addValue("d", d, Types.DATE);
        return knownAt == null ? p : KnownRoll.knownAt(p, knownAt);
    }

    private static OrganizationTree.Node node(NodeRow r, Map<String, List<NodeRow>> children, LocalDate d) {
        return new OrganizationTree.Node(r.id(), r.name(), r.level(), r.cellType(), r.grassroots(), r.establishedOn(),
                r.endedOn(), r.counts(), r.subtreeCounts(),
                RollStandards.judgeOn(d, r.level(), r.grassroots(), r.counts(), r.subtreeCounts()),
                children.getOrDefault(r.id(), List.of()).stream().map(c -> node(c, children, d)).toList());
    }

    private static RollCounts counts(ResultSet rs, String prefix) throws SQLException {
        int[] v = new int[COUNT_COLUMNS.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rs.getInt(prefix + COUNT_COLUMNS[i]);
        }
        return new RollCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    private static VisitQuota quota(ResultSet rs) throws SQLException {
        Integer visits = (Integer) rs.getObject("visits");
        String per = rs.getString("visit_period");
        return visits == null && per == null ? null
                : new VisitQuota(visits == null ? 0 : visits, per == null ? null : VisitQuota.Period.valueOf(per));
    }

    private static CellType cellType(String name) {
        return name == null ? null : CellType.valueOf(name);
    }

    private record Organization(String id, String name, OrganizationLevel level, CellType cellType, boolean grassroots,
                                LocalDate establishedOn, LocalDate endedOn, String endReason, String mergedInto) {
    }

    private record Staff(List<OrganizationView.Officer> officers, List<OrganizationView.Liaison> liaisons,
                         Integer meetingDay, Integer committeePrepDay) {
    }

    /** A post (role) or a liaison (role: the superior organisation, with its quota) from {@code from} until {@code to}. */
    private record Post(String member, String role, LocalDate from, LocalDate to, VisitQuota quota) {
        boolean holdsOn(LocalDate d) {
            return !from.isAfter(d) && (to == null || to.isAfter(d));
        }

        Post endingOn(LocalDate end) {
            return end == null || (to != null && !to.isAfter(end)) || from.isAfter(end) ? this
                    : new Post(member, role, from, end, quota);
        }
    }

    private record NodeRow(String id, String parentId, String name, OrganizationLevel level, CellType cellType,
                           boolean grassroots, LocalDate establishedOn, LocalDate endedOn, RollCounts counts,
                           RollCounts subtreeCounts) {
    }
}
