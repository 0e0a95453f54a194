package vn.partyledger.ops.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.api.envelope.Envelope;
import vn.partyledger.api.member.CandidateRegistered;
import vn.partyledger.api.member.ExistingMemberEnrolled;
import vn.partyledger.api.member.MemberDataCorrected;
import vn.partyledger.api.organization.OrganizationEstablished;
import vn.partyledger.api.organization.OrganizationFactsCorrected;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.ops.storage.CustomPlans;

/**
 * Histories read straight from the event store's reader view {@code ledger_event}, through its indexes: a member's
 * dossier through the subject index, an organisation's history through the per-scope order (docs/decisions/0011).
 * Nothing here is a projection, so a history is never behind the store and a dissolved or merged organisation's
 * record reads like any other.
 */
@Component
public class HistoryReader {

    static final String NAME = "ledger-event";
    static final int VERSION = 1;
    private static final String COLUMNS = """
            e.global_index, e.scope_id, e.scope_seq, e.event_id, e.payload_type, e.occurred_on, e.recorded_at,
            convert_from(e.metadata, 'UTF8') as metadata, convert_from(e.payload, 'UTF8') as payload""";

    /** The facts that give a member or an organisation its name, the later ones correcting the earlier. */
    private static final List<String> NAMING_TYPES = Stream.of(CandidateRegistered.class,
            ExistingMemberEnrolled.class, MemberDataCorrected.class, OrganizationEstablished.class,
            OrganizationFactsCorrected.class).map(Class::getName).toList();

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final Summaries summaries;
    private final CustomPlans plans;

    HistoryReader(NamedParameterJdbcTemplate jdbc, Summaries summaries, CustomPlans plans) {
        this.jdbc = jdbc;
        this.summaries = summaries;
        this.plans = plans;
    }

    /** Every fact concerning a member (its own stream, and meetings, tasks, commitments, cases naming it). */
    public History dossier(String memberId, HistoryFilter f, Locale locale) {
        return plans.read(() -> page(memberId, dossierSql(memberId, f), f, locale));
    }

    /** The record of one organisation (in its own order), or of every organisation ever below it (global order). */
    public History organization(String organizationId, List<String> scopes, HistoryFilter f, Locale locale) {
        return plans.read(() -> page(organizationId, organizationSql(scopes, f), f, locale));
    }

    /**
     * The facts with these event ids, by id: the originals and corrections a page shows beside its own facts when
     * they fall outside its filter or page.
     */
    public Map<String, History.Entry> entries(Collection<String> eventIds, Locale locale) {
        Map<String, History.Entry> byId = new HashMap<>();
        if (eventIds.isEmpty()) {
            return byId;
        }
        List<History.Entry> found = jdbc.query("select " + COLUMNS + " from ledger_event e where e.event_id in (:ids)",
                new MapSqlParameterSource("ids", List.copyOf(eventIds)), (rs, n) -> entry(rs));
        summarised(found, Map.of(), locale, null).forEach(e -> byId.put(e.eventId(), e));
        return byId;
    }

    /** A page's statement, its count and their parameters. */
    record Sql(String select, String count, MapSqlParameterSource params) {
    }

    static Sql dossierSql(String memberId, HistoryFilter f) {
        MapSqlParameterSource p = params(f).addValue("subject", memberId);
        String where = "s.subject_id = :subject" + filters(f, p) + (f.after() != null ? " and s.global_index > :after"
                : "");
        String from = " from ledger_event_subject s join ledger_event e on e.global_index = s.global_index where ";
        return new Sql("select " + COLUMNS + ", s.global_index as cursor" + from + where
                + " order by s.global_index limit :size offset :offset", "select count(*)" + from + where, p);
    }

    static Sql organizationSql(List<String> scopes, HistoryFilter f) {
        // One array parameter: an organisation's subtree can hold more than the 32,767 parameters a statement may bind.
        MapSqlParameterSource p = params(f).addValue("scopes", scopes.toArray(String[]::new))
                .addValue("scope", scopes.get(0));
        boolean single = scopes.size() == 1;
        String cursor = single ? "e.scope_seq" : "e.global_index";
        String inScopes = single ? "e.scope_id = :scope" : "e.scope_id = any(:scopes)";
        String filters = filters(f, p);
        String where = inScopes + filters + (f.after() != null ? " and " + cursor + " > :after" : "");
        // Unfiltered, a scope holds as many events as its head's number: they are numbered 1, 2, … without gaps under
        // the head's lock, in the transaction that stores them. Counting the rows instead read every event of a
        // province's subtree for each page (1.8 s of its first page's 1.9 s at 10 M events).
        String count = filters.isEmpty() && f.after() == null
                ? "select coalesce(sum(e.seq), 0) from ledger_scope_head e where " + inScopes
                : "select count(*) from ledger_event e where " + where;
        return new Sql("select " + COLUMNS + ", " + cursor + " as cursor from ledger_event e where " + where
                + " order by " + cursor + " limit :size offset :offset", count, p);
    }

    /**
     * The organisation and every organisation that was ever below it, whatever the date: a district removed in 2025
     * or a merged cell keeps its history under the node it was part of (I3).
     */
    public List<String> everBelow(String id) {
        return plans.read(() -> jdbc.queryForList("""
                with recursive sub(organization_id) as (
                    select cast(:root as text)
                    union
                    select p.organization_id from org_tree_parent_period p join sub s on p.parent_id = s.organization_id)
                select organization_id from sub""", new MapSqlParameterSource("root", id), String.class));
    }

    private History page(String subjectId, Sql sql, HistoryFilter f, Locale locale) {
        record Row(long cursor, History.Entry entry) {
        }
        List<Row> rows = jdbc.query(sql.select(), sql.params(), (rs, n) -> new Row(rs.getLong("cursor"), entry(rs)));
        Long total = jdbc.queryForObject(sql.count(), sql.params(), Long.class);
        Map<String, List<String>> corrections = correctedBy(rows.stream().map(r -> r.entry().eventId()).toList(), f);
        List<History.Entry> items = summarised(rows.stream().map(Row::entry).toList(), corrections, locale,
                f.knownAt());
        Long next = rows.size() == f.size() ? rows.get(rows.size() - 1).cursor() : null;
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from ledger_event",
                new MapSqlParameterSource(), Long.class);
        Provenance provenance = new Provenance(NAME, VERSION, head == null ? 0 : head, null)
                .at(f.asOf(), f.knownAt());
        return new History(subjectId, items, f.page(), f.size(), total == null ? 0 : total, next, provenance);
    }

    private Map<String, List<String>> correctedBy(List<String> eventIds, HistoryFilter f) {
        Map<String, List<String>> by = new HashMap<>();
        if (eventIds.isEmpty()) {
            return by;
        }
        MapSqlParameterSource p = new MapSqlParameterSource("ids", eventIds).addValue("knownAt",
                f.knownAt() == null ? null : Timestamp.from(f.knownAt()), Types.TIMESTAMP);
        jdbc.query("""
                select event_id, corrects_event_id from ledger_event
                 where corrects_event_id in (:ids)
                   and recorded_at <= coalesce(cast(:knownAt as timestamptz), 'infinity')
                 order by global_index""", p, rs -> {
            by.computeIfAbsent(rs.getString("corrects_event_id"), k -> new ArrayList<>()).add(rs.getString("event_id"));
        });
        return by;
    }

    /**
     * The entries with the facts that correct them and their summaries, the members and organisations they name shown
     * by name: the newest name the ledger recorded for each (by {@code knownAt}, when given), read in one statement for
     * the whole page.
     */
    private List<History.Entry> summarised(List<History.Entry> entries, Map<String, List<String>> correctedBy,
                                           Locale locale, Instant knownAt) {
        Set<String> ids = new HashSet<>();
        entries.forEach(e -> ids.addAll(summaries.references(e.type(), e.fact())));
        Summaries.Names names = names(ids, knownAt);
        return entries.stream().map(e -> new History.Entry(e.position(), e.scope(), e.scopeSeq(), e.eventId(),
                e.type(), e.occurredOn(), e.recordedAt(), e.actor(), e.authority(), e.correlationId(), e.causationId(),
                e.correctsEventId(), e.reason(), List.copyOf(correctedBy.getOrDefault(e.eventId(), List.of())),
                summaries.of(e.type(), e.fact(), locale, names), e.fact())).toList();
    }

    private Summaries.Names names(Set<String> ids, Instant knownAt) {
        if (ids.isEmpty()) {
            return Summaries.Names.NONE;
        }
        Map<String, String> names = new HashMap<>();
        MapSqlParameterSource p = new MapSqlParameterSource("ids", List.copyOf(ids))
                .addValue("types", NAMING_TYPES)
                .addValue("knownAt", knownAt == null ? null : Timestamp.from(knownAt), Types.TIMESTAMP);
        // A member's and an organisation's naming facts are events of its own aggregate (a few dozen at most, read
        // through the aggregate's index), not of the meetings and tasks that name it thousands of times.
        jdbc.query("""
                select distinct on (e.aggregate_id) e.aggregate_id, n.name
                  from ledger_event e
                 cross join lateral (select coalesce(j ->> 'fullName', j ->> 'name') as name
                                       from (select cast(convert_from(e.payload, 'UTF8') as jsonb) as j) p) n
                 where e.aggregate_id in (:ids) and e.payload_type in (:types)
                   and e.recorded_at <= coalesce(cast(:knownAt as timestamptz), 'infinity')
                   and n.name is not null
                 order by e.aggregate_id, e.aggregate_seq desc""", p,
                rs -> {
                    names.put(rs.getString("aggregate_id"), rs.getString("name"));
                });
        return new Summaries.Names(names);
    }

    private History.Entry entry(ResultSet rs) throws SQLException {
        JsonNode meta = parse(rs.getString("metadata"));
        JsonNode fact = parse(rs.getString("payload"));
        String type = simpleName(rs.getString("payload_type"));
        Timestamp recorded = rs.getTimestamp("recorded_at");
        return new History.Entry(rs.getLong("global_index"), rs.getString("scope_id"), rs.getLong("scope_seq"),
                rs.getString("event_id"), type, rs.getObject("occurred_on", LocalDate.class),
                recorded == null ? null : recorded.toInstant(), meta.get(Envelope.ACTOR), meta.get(Envelope.AUTHORITY),
                text(meta, Envelope.CORRELATION_ID), text(meta, Envelope.CAUSATION_ID),
                text(meta, Envelope.CORRECTS_EVENT_ID), text(meta, Envelope.REASON), List.of(), null, fact);
    }

    /** Appends the filters to the WHERE clause and their values to {@code p}; every filter is on an indexed column. */
    private static String filters(HistoryFilter f, MapSqlParameterSource p) {
        StringBuilder sql = new StringBuilder();
        if (f.from() != null) {
            sql.append(" and e.occurred_on >= :from");
            p.addValue("from", f.from(), Types.DATE);
        }
        LocalDate to = f.to() == null ? f.asOf() : f.asOf() == null || f.to().isBefore(f.asOf()) ? f.to() : f.asOf();
        if (to != null) {
            sql.append(" and e.occurred_on <= :to");
            p.addValue("to", to, Types.DATE);
        }
        if (f.recordedFrom() != null) {
            sql.append(" and e.recorded_at >= :recordedFrom");
            p.addValue("recordedFrom", f.recordedFrom().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
        if (f.recordedTo() != null) {
            sql.append(" and e.recorded_at <= :recordedTo");
            p.addValue("recordedTo", f.recordedTo().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
        if (f.knownAt() != null) {
            sql.append(" and e.recorded_at <= :knownAt");
            p.addValue("knownAt", f.knownAt().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
        if (f.types() != null && !f.types().isEmpty()) {
            sql.append(" and regexp_replace(e.payload_type, '^.*\\.', '') in (:types)");
            p.addValue("types", f.types());
        }
        return sql.toString();
    }

    private static MapSqlParameterSource params(HistoryFilter f) {
        return new MapSqlParameterSource().addValue("size", f.size())
                .addValue("offset", f.after() != null ? 0L : (long) f.page() * f.size())
                .addValue("after", f.after());
    }

    private JsonNode parse(String text) {
        try {
            return text == null ? json.nullNode() : json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event is not JSON", e);
        }
    }

    private static String text(JsonNode meta, String key) {
        JsonNode node = meta.get(key);
        return node == null || node.isNull() ? null : node.asText();
    }

    static String simpleName(String payloadType) {
        return payloadType == null ? null : payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
