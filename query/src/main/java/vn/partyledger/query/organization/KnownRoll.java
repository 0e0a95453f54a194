package vn.partyledger.query.organization;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.partyledger.api.rules.roll.RollFold;
import vn.partyledger.api.rules.roll.RollFold.Fact;
import vn.partyledger.api.rules.roll.RollFold.Kind;

/**
 * The member roll as the ledger stood at an instant (docs/decisions/0011): the roll facts the member-roll read model
 * keeps ({@code member_roll_fact}, one row per event, keyed by its global position) are taken only if their event
 * was recorded by then ({@code ledger_event.recorded_at}), and refolded with the one shared {@link RollFold}, so a
 * "known at" roll is judged by the same rules as today's. Only the members ever moved to one of the organisations
 * asked about are read, by index; the answer is the rows holding on one business date, as the common table expression
 * {@code roll_period} with the columns of {@code member_roll_period}.
 */
public final class KnownRoll {

    /** Rows of {@link #on}, bound as the parameters of {@link #CTE}. */
    public static final String CTE = """
            roll_period as (
                select * from unnest(cast(:rMember as text[]), cast(:rOrg as text[]), cast(:rStatus as text[]),
                                     cast(:rMembership as text[]), cast(cast(:rFullyExempt as text[]) as boolean[]),
                                     cast(cast(:rTemporarilyExempt as text[]) as boolean[]),
                                     cast(cast(:rSuspended as text[]) as boolean[]),
                                     cast(cast(:rIn as text[]) as boolean[]), cast(cast(:rOut as text[]) as boolean[]),
                                     cast(cast(:rFrom as text[]) as date[]), cast(cast(:rTo as text[]) as date[]),
                                     cast(cast(:rAdmitted as text[]) as date[]), cast(cast(:rOfficial as text[]) as date[]))
                    as r (member_id, organization_id, status, membership, fully_exempt, temporarily_exempt,
                          suspended, temporarily_transferred_in, temporarily_transferred_out, valid_from, valid_to,
                          admitted_on, official_on))""";

    /**
     * The facts known at :knownAt of every member a fact ever moved to one of :orgs (public for its plan's test). The
     * members' facts are fetched member by member through their index ({@code offset 0} keeps the planner from
     * flattening the lateral into a hash join over the whole fact table, which it prefers while the table is small),
     * and each fact's recorded instant by its event's position (a scalar subquery, never a hash of the whole store).
     */
    public static final String FACTS = """
            select f.member_id, f.effective_on, f.position, f.kind, f.organization_id, f.until
              from (select distinct member_id from member_roll_fact
                     where organization_id = any(cast(:orgs as text[]))) m
             cross join lateral (select * from member_roll_fact f where f.member_id = m.member_id offset 0) f
             where (select e.recorded_at from ledger_event e where e.global_index = f.position limit 1)
                   <= cast(:knownAt as timestamptz)
             order by f.member_id, f.effective_on, f.position, f.seq""";

    private final NamedParameterJdbcTemplate jdbc;

    public KnownRoll(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Binds {@code :knownAt} as the store's column type. */
    static MapSqlParameterSource knownAt(MapSqlParameterSource p, Instant knownAt) {
        return p.addValue("knownAt", OffsetDateTime.ofInstant(knownAt, ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** Adds the parameters of {@link #CTE}: the rows of {@code organizations}' rolls holding on {@code d}. */
    public MapSqlParameterSource on(MapSqlParameterSource p, Collection<String> organizations, LocalDate d,
                             Instant knownAt) {
        Map<String, List<Fact>> facts = new LinkedHashMap<>();
        jdbc.query(FACTS, knownAt(new MapSqlParameterSource("orgs", organizations.toArray(String[]::new)), knownAt),
                rs -> {
                    facts.computeIfAbsent(rs.getString("member_id"), k -> new ArrayList<>()).add(new Fact(
                            rs.getObject("effective_on", LocalDate.class), rs.getLong("position"),
                            Kind.valueOf(rs.getString("kind")), rs.getString("organization_id"),
                            rs.getObject("until", LocalDate.class)));
                });
        List<String[]> rows = new ArrayList<>();
        facts.forEach((member, known) -> {
            String admitted = null;
            String official = null;
            for (Fact f : known) {
                if (admitted == null && (f.kind() == Kind.ADMITTED || f.kind() == Kind.ENROLLED)) {
                    admitted = f.on().toString();
                }
                if (official == null && f.kind() == Kind.MADE_OFFICIAL) {
                    official = f.on().toString();
                }
                if (official == null && f.kind() == Kind.ENROLLED && f.until() != null) {
                    official = f.until().toString();
                }
            }
            for (RollFold.Period period : RollFold.fold(known).periods()) {
                RollFold.Row r = period.row();
                boolean holds = !period.from().isAfter(d) && (period.to() == null || period.to().isAfter(d));
                if (holds && organizations.contains(r.organizationId())) {
                    rows.add(new String[]{member, r.organizationId(), r.status().name(), r.membership().name(),
                            bool(r.fullyExempt()), bool(r.temporarilyExempt()), bool(r.suspended()),
                            bool(r.transferredIn()), bool(r.transferredOut()), period.from().toString(),
                            Objects.toString(period.to(), null), admitted, official});
                }
            }
        });
        String[] names = {"rMember", "rOrg", "rStatus", "rMembership", "rFullyExempt", "rTemporarilyExempt",
                "rSuspended", "rIn", "rOut", "rFrom", "rTo", "rAdmitted", "rOfficial"};
        for (int column = 0; column < names.length; column++) {
            int c = column;
            p.addValue(names[c], rows.stream().map(row -> row[c]).toArray(String[]::new));
        }
        return p;
    }

    private static String bool(boolean value) {
        return Boolean.toString(value);
    }
}
