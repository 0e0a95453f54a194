package vn.partyledger.query.rating;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.provenance.Provenance;
import vn.partyledger.api.rating.CongressTarget;
import vn.partyledger.api.rating.FindMemberRatings;
import vn.partyledger.api.rating.FindRatingDistribution;
import vn.partyledger.api.rating.FindTargetCompliance;
import vn.partyledger.api.rating.MemberRatings;
import vn.partyledger.api.rating.FindRatingRound;
import vn.partyledger.api.rating.RatingDistribution;
import vn.partyledger.api.rating.RatingRoundView;
import vn.partyledger.api.rating.TargetCompliance;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.Severity;
import vn.partyledger.api.rules.rating.Exclusions;
import vn.partyledger.api.rules.rating.MemberYearEvidence;
import vn.partyledger.api.rules.rating.PercentDisplay;
import vn.partyledger.api.rules.rating.QuotaRule;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingRuleSet;
import vn.partyledger.api.rules.rating.RatingRuleSets;
import vn.partyledger.api.rules.rating.RatingSubject;
import vn.partyledger.api.rules.rating.TaskFact;
import vn.partyledger.query.ProjectionPositions;
import vn.partyledger.query.member.MemberRollProjection;
import vn.partyledger.query.organization.KnownRoll;
import vn.partyledger.query.organization.OrganizationTreeProjection;
import vn.partyledger.query.rollup.Subtree;

/** The answers of {@link RatingProjection}, read from its tables and the organisation tree and member roll. */
final class RatingQueries {

    /** Compliance shares are shown with two decimals half up, as the meeting register shows attendance. */
    private static final int COMPLIANCE_DECIMALS = 2;
    /** The instant a "known at" read cuts at; none given means everything recorded so far. */
    private static final String KNOWN = "coalesce(cast(:knownAt as timestamptz), 'infinity')";
    /** The business date an "as of" read cuts at; none given means everything dated so far. */
    private static final String ON = "coalesce(cast(:asOf as date), 'infinity')";
    /** A rating is on its round from its opening (dated) once the opening is recorded. */
    private static final String OPENED = "e.opened_on <= $ON and coalesce(e.recorded_at, '-infinity') <= $KNOWN";
    private static final String OPENED_SQL = OPENED.replace("$ON", ON).replace("$KNOWN", KNOWN);
    /** A step row dated by :asOf and recorded by :knownAt (rows moved by the migration carry neither). */
    private static final String STEP = "s.rating_id = e.rating_id and coalesce(s.occurred_on, '-infinity') <= $ON "
            + "and coalesce(s.recorded_at, '-infinity') <= $KNOWN";
    /**
     * The ratings as true on :asOf and as the ledger knew them at :knownAt (bitemporal rows, docs/decisions/0011), with
     * the columns a rating's row had when steps and decisions overwrote it: the latest step of each kind, the latest
     * decision or redecision dated and recorded by then ({@code evidence_position} keys its evidence) and the latest
     * correction of it recorded by then, whose figures replace the decision's ({@code decision_position} keys the
     * rule outcomes in force). A reopening counts while no decision follows it.
     */
    static final String ENTRIES_KNOWN = """
            select e.rating_id, e.round_id, e.deciding_body_id, e.year, e.subject, e.subject_id, e.organization_id,
                   e.rule_set_id, e.opened_on, e.last_position,
                   (select s.level from rating_step s where s.step = 'SELF_REVIEW' and $STEP
                     order by s.position desc limit 1) as self_proposed,
                   (select s.level from rating_step s where s.step = 'CELL_REVIEW' and $STEP
                     order by s.position desc limit 1) as cell_proposed,
                   (select s.level from rating_step s where s.step = 'APPRAISAL' and $STEP
                     order by s.position desc limit 1) as appraised,
                   (select s.occurred_on from rating_step s where s.step = 'PUBLICATION' and $STEP
                     order by s.position desc limit 1) as published_on,
                   (select s.reason from rating_step s where s.step = 'REOPENING' and $STEP
                       and s.position > coalesce(d.position, -1)
                     order by s.position desc limit 1) as reopened_for,
                   c.level, c.score, c.decision_no, c.decided_on, c.override_doc_no, c.override_issuer,
                   c.override_issued_on, c.position as decision_position, d.position as evidence_position
              from rating_entry e
              left join lateral (select x.position from rating_decision x
                                  where x.rating_id = e.rating_id and x.kind <> 'CORRECTED'
                                    and coalesce(x.decided_on, '-infinity') <= $ON
                                    and coalesce(x.recorded_at, '-infinity') <= $KNOWN
                                  order by x.position desc limit 1) d on true
              left join lateral (select x.* from rating_decision x
                                  where x.rating_id = e.rating_id and x.position >= d.position
                                    and (x.position = d.position or x.kind = 'CORRECTED')
                                    and coalesce(x.recorded_at, '-infinity') <= $KNOWN
                                  order by x.position desc limit 1) c on true
             where $OPENED""".replace("$OPENED", OPENED).replace("$STEP", STEP).replace("$ON", ON)
            .replace("$KNOWN", KNOWN);

    private final NamedParameterJdbcTemplate jdbc;
    private final RatingRuleSets ruleSets;
    private final Clock clock;
    private final KnownRoll knownRoll;

    RatingQueries(NamedParameterJdbcTemplate jdbc, RatingRuleSets ruleSets, Clock clock) {
        this.jdbc = jdbc;
        this.knownRoll = new KnownRoll(jdbc);
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    /**
     * The ratings of one round with the same level and override, counted ({@code n}), in the order of their first
     * rating within the round: a province's year has hundreds of thousands of ratings, and holding one object per
     * rating (with the driver's copy of the rows) ran the service out of its heap at 10 M events.
     */
    private record Group(String roundId, String bodyId, String ruleSetId, RatingLevel level, Authority override,
                         int n) {
    }

    RatingDistribution distribution(FindRatingDistribution q) {
        Provenance provenance = provenance().at(q.asOf() == null ? today() : q.asOf(), q.knownAt());
        LocalDate yearEnd = Subtree.yearEndOrToday(q.year(), clock);
        LocalDate d = q.asOf() != null && q.asOf().isBefore(yearEnd) ? q.asOf() : yearEnd;
        Subtree subtree = Subtree.of(jdbc, q.organizationId(), d, q.knownAt());
        List<Group> groups = jdbc.query("""
                        select round_id, deciding_body_id, rule_set_id, level, override_doc_no, override_issuer,
                               override_issued_on, count(*) as n
                          from (""" + ENTRIES_KNOWN + """
                        ) e
                         where year = :year and subject = :subject and organization_id = any(:orgs)
                         group by round_id, deciding_body_id, rule_set_id, level, override_doc_no, override_issuer,
                                  override_issued_on
                         order by round_id, min(rating_id)""",
                axes(q.asOf(), q.knownAt()).addValue("year", q.year()).addValue("subject", q.subject().name())
                        .addValue("orgs", subtree.idArray()),
                (rs, n) -> new Group(rs.getString("round_id"), rs.getString("deciding_body_id"),
                        rs.getString("rule_set_id"),
                        rs.getString("level") == null ? null : RatingLevel.valueOf(rs.getString("level")),
                        rs.getString("override_doc_no") == null ? null : new Authority(rs.getString("override_doc_no"),
                                rs.getString("override_issuer"), rs.getObject("override_issued_on", LocalDate.class)),
                        rs.getInt("n")));
        Set<String> setIds = new LinkedHashSet<>();
        groups.forEach(g -> setIds.add(g.ruleSetId()));
        Map<RatingLevel, Integer> counts = new EnumMap<>(RatingLevel.class);
        for (String id : setIds) {
            ruleSets.byId(id).ifPresent(s -> s.scheme().levelsFor(q.subject()).forEach(l -> counts.put(l, 0)));
        }
        int rated = groups.stream().mapToInt(Group::n).sum();
        int decided = 0;
        for (Group g : groups) {
            if (g.level() != null) {
                counts.merge(g.level(), g.n(), Integer::sum);
                decided += g.n();
            }
        }
        List<RatingDistribution.LevelCount> levels = new ArrayList<>();
        counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getKey().rank(), a.getKey().rank()))
                .forEach(e -> levels.add(new RatingDistribution.LevelCount(e.getKey(), e.getValue(),
                        q.rounding().format(e.getValue(), rated, q.decimals()))));
        int excellent = counts.getOrDefault(RatingLevel.EXCELLENT, 0);
        int good = counts.getOrDefault(RatingLevel.GOOD, 0);
        return new RatingDistribution(q.organizationId(), q.year(), q.subject(), d, List.copyOf(setIds), rated,
                decided, rated - decided, levels, notRated(q, subtree, d), scopes(q.subject(), groups),
                new RatingDistribution.Aggregate(excellent, good, q.rounding().format(excellent, good, q.decimals())),
                q.rounding(), provenance);
    }

    /** R3 per decision scope: one deciding body's round (its body and rule set: those of its first rating). */
    private List<RatingDistribution.QuotaScope> scopes(RatingSubject subject, List<Group> groups) {
        Map<String, List<Group>> byRound = new LinkedHashMap<>();
        groups.forEach(g -> byRound.computeIfAbsent(g.roundId(), k -> new ArrayList<>()).add(g));
        List<RatingDistribution.QuotaScope> scopes = new ArrayList<>();
        byRound.forEach((round, in) -> {
            int excellent = in.stream().filter(g -> g.level() == RatingLevel.EXCELLENT).mapToInt(Group::n).sum();
            int good = in.stream().filter(g -> g.level() == RatingLevel.GOOD).mapToInt(Group::n).sum();
            Authority override = in.stream().map(Group::override).filter(a -> a != null).findFirst().orElse(null);
            RatingRuleSet set = ruleSets.byId(in.get(0).ruleSetId()).orElse(null);
            QuotaRule quota = set == null ? null : set.quota();
            boolean applies = quota != null && quota.appliesTo(subject);
            scopes.add(new RatingDistribution.QuotaScope(round, in.get(0).bodyId(), in.get(0).ruleSetId(), excellent,
                    good, applies, !applies || quota.within(excellent, good), override,
                    applies ? QuotaRule.RULE : null, applies ? quota.basis() : null));
        });
        return scopes;
    }

    /** Who was on a roll (members) or in the tree (collectives) at the year's end without a rating, and why. */
    private List<RatingDistribution.NotRated> notRated(FindRatingDistribution q, Subtree subtree, LocalDate d) {
        Map<String, Integer> reasons = new LinkedHashMap<>();
        MapSqlParameterSource p = axes(q.asOf(), q.knownAt()).addValue("orgs", subtree.idArray())
                .addValue("d", d, Types.DATE).addValue("year", q.year()).addValue("subject", q.subject().name());
        if (q.subject() == RatingSubject.MEMBER) {
            Exclusions exclusions = ruleSets.forYear(q.year(), null).map(RatingRuleSet::exclusions).orElse(null);
            // Known at an instant, the roll is the one the ledger held then (KnownRoll refolds the facts recorded by
            // then), so a member enrolled later, even with an earlier date, is not counted as unrated before it knew.
            String roll = "member_roll_period p join member_roll_member m using (member_id)";
            String with = "";
            if (q.knownAt() != null) {
                knownRoll.on(p, subtree.ids(), d, q.knownAt());
                roll = "roll_period p cross join lateral (select p.admitted_on) m";
                with = "with " + KnownRoll.CTE + " ";
            }
            jdbc.query(with + """
                    select p.fully_exempt, p.suspended, m.admitted_on
                      from $ROLL
                     where p.organization_id = any(:orgs) and p.valid_from <= :d
                       and (p.valid_to is null or p.valid_to > :d)
                       and p.membership in ('PROBATIONARY', 'OFFICIAL') and not p.temporarily_transferred_in
                       and not exists (select 1 from rating_entry e where e.subject_id = p.member_id
                                          and e.year = :year and e.subject = :subject and $OPENED)"""
                    .replace("$ROLL", roll).replace("$OPENED", OPENED_SQL), p, rs -> {
                String reason = "NOT_RATED";
                if (exclusions != null) {
                    reason = exclusions.judge(RatingSubject.MEMBER, q.year(), rs.getBoolean("fully_exempt"),
                                    rs.getBoolean("suspended"), rs.getObject("admitted_on", LocalDate.class))
                            .map(o -> Exclusions.RULE + ": " + o.message()).orElse(reason);
                }
                reasons.merge(reason, 1, Integer::sum);
            });
        } else if (q.subject() == RatingSubject.CELL || q.subject() == RatingSubject.GRASSROOTS_ORG) {
            Integer missing = jdbc.queryForObject("""
                    select count(*) from org_tree_organization o
                     where o.organization_id = any(:orgs) and o.organization_id <> :root
                       and (case when :subject = 'CELL' then o.level = 'CELL' else o.grassroots end)
                       and not exists (select 1 from rating_entry e where e.subject_id = o.organization_id
                                          and e.year = :year and e.subject = :subject and $OPENED)"""
                            .replace("$OPENED", OPENED_SQL),
                    p.addValue("root", subtree.rootId()), Integer.class);
            if (missing != null && missing > 0) {
                reasons.put("NOT_RATED", missing);
            }
        }
        List<RatingDistribution.NotRated> all = new ArrayList<>();
        reasons.forEach((reason, n) -> all.add(new RatingDistribution.NotRated(reason, n)));
        return all;
    }

    TargetCompliance compliance(FindTargetCompliance q) {
        Provenance provenance = provenance();
        List<CongressTarget> targets = jdbc.query("""
                        select label, subject, level, or_better, comparison, percent from rating_target
                         where organization_id = :org and term = :term order by seq""",
                new MapSqlParameterSource("org", q.organizationId()).addValue("term", q.term()),
                (rs, n) -> new CongressTarget(rs.getString("label"), RatingSubject.valueOf(rs.getString("subject")),
                        RatingLevel.valueOf(rs.getString("level")), rs.getBoolean("or_better"),
                        CongressTarget.Comparison.valueOf(rs.getString("comparison")), rs.getInt("percent")));
        int first = Integer.parseInt(q.term().substring(0, 4));
        int last = Integer.parseInt(q.term().substring(5));
        List<TargetCompliance.Year> years = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            LocalDate d = Subtree.yearEndOrToday(year, clock);
            if (d.getYear() < year) {
                break;
            }
            Subtree subtree = Subtree.of(jdbc, q.organizationId(), d);
            // decisions counted per subject and level: a province decides hundreds of thousands a year
            Map<RatingSubject, Map<RatingLevel, Integer>> decided = new EnumMap<>(RatingSubject.class);
            jdbc.query("""
                    select subject, level, count(*) as n from (""" + ENTRIES_KNOWN + """
                    ) e where year = :year and organization_id = any(:orgs) and level is not null
                     group by subject, level""",
                    axes(null, null).addValue("year", year).addValue("orgs", subtree.idArray()), rs -> {
                        decided.computeIfAbsent(RatingSubject.valueOf(rs.getString("subject")),
                                        k -> new EnumMap<>(RatingLevel.class))
                                .put(RatingLevel.valueOf(rs.getString("level")), rs.getInt("n"));
                    });
            List<TargetCompliance.Result> results = new ArrayList<>();
            for (CongressTarget t : targets) {
                Map<RatingLevel, Integer> levels = decided.getOrDefault(t.subject(), Map.of());
                int all = levels.values().stream().mapToInt(Integer::intValue).sum();
                int reaching = levels.entrySet().stream().filter(e -> t.counts(e.getKey()))
                        .mapToInt(Map.Entry::getValue).sum();
                results.add(new TargetCompliance.Result(t.label(), all, reaching,
                        PercentDisplay.HALF_UP.format(reaching, all, COMPLIANCE_DECIMALS),
                        all > 0 && t.comparison().holds(reaching, all, t.percent())));
            }
            years.add(new TargetCompliance.Year(year, results));
        }
        return new TargetCompliance(q.organizationId(), q.term(), targets, years, provenance);
    }

    /** The round and its ratings in the order opened; null when the read model holds no such round. */
    RatingRoundView round(FindRatingRound q) {
        Provenance provenance = provenance();
        MapSqlParameterSource p = axes(null, null).addValue("round", q.roundId());
        List<RatingRoundView> rounds = jdbc.query("select * from rating_round where round_id = :round", p,
                (rs, n) -> new RatingRoundView(rs.getString("round_id"), rs.getString("organization_id"),
                        rs.getInt("year"), rs.getString("rule_set_id"), rs.getString("rule_set_title"),
                        rs.getObject("opened_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
                        List.of(), provenance));
        if (rounds.isEmpty()) {
            return null;
        }
        List<RatingRoundView.Entry> entries = jdbc.query("""
                        select e.*, coalesce(m.full_name, o.name) as subject_name, u.name as organization_name
                          from (""" + ENTRIES_KNOWN + """
                        ) e
                          left join member_roll_member m on m.member_id = e.subject_id
                          left join org_tree_organization o on o.organization_id = e.subject_id
                          left join org_tree_organization u on u.organization_id = e.organization_id
                         where e.round_id = :round
                         order by e.subject, u.name, subject_name, e.rating_id""", p,
                (rs, n) -> new RatingRoundView.Entry(rs.getString("rating_id"),
                        RatingSubject.valueOf(rs.getString("subject")), rs.getString("subject_id"),
                        rs.getString("subject_name"), rs.getString("organization_id"),
                        rs.getString("organization_name"), state(rs),
                        level(rs.getString("self_proposed")), level(rs.getString("cell_proposed")),
                        level(rs.getString("appraised")), level(rs.getString("level")), rs.getString("decision_no"),
                        rs.getObject("decided_on", LocalDate.class), rs.getString("override_doc_no") == null ? null
                        : new Authority(rs.getString("override_doc_no"), rs.getString("override_issuer"),
                                rs.getObject("override_issued_on", LocalDate.class))));
        RatingRoundView r = rounds.get(0);
        return new RatingRoundView(r.roundId(), r.decidingBodyId(), r.year(), r.ruleSetId(), r.ruleSetTitle(),
                r.openedOn(), r.closedOn(), entries, provenance);
    }

    /** OPEN until decided; then DECIDED, PUBLISHED, or REOPENED while a reopening waits for its new decision. */
    private static String state(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rs.getString("level") == null ? "OPEN"
                : rs.getString("reopened_for") != null ? "REOPENED"
                : rs.getObject("published_on") != null ? "PUBLISHED" : "DECIDED";
    }

    MemberRatings history(FindMemberRatings q) {
        Provenance provenance = provenance().at(q.asOf() == null ? today() : q.asOf(), q.knownAt());
        record Positions(Long decision, Long evidence) {
        }
        Map<String, Positions> positions = new HashMap<>();
        List<MemberRatings.Entry> entries = jdbc.query("""
                        select e.*, r.rule_set_title, r.closed_on from (""" + ENTRIES_KNOWN + """
                        ) e join rating_round r using (round_id)
                         where e.subject_id = :member and e.subject in ('MEMBER', 'LEADER')
                         order by e.year, e.subject""",
                axes(q.asOf(), q.knownAt()).addValue("member", q.memberId()), (rs, n) -> {
                    positions.put(rs.getString("rating_id"), new Positions((Long) rs.getObject("decision_position"),
                            (Long) rs.getObject("evidence_position")));
                    String id = rs.getString("rating_id");
                    String state = state(rs);
                    return new MemberRatings.Entry(rs.getInt("year"), RatingSubject.valueOf(rs.getString("subject")),
                            id, rs.getString("round_id"), rs.getString("deciding_body_id"),
                            rs.getString("organization_id"), rs.getString("rule_set_id"),
                            rs.getString("rule_set_title"), state, level(rs.getString("self_proposed")),
                            (Integer) rs.getObject("score"), level(rs.getString("cell_proposed")),
                            level(rs.getString("appraised")), level(rs.getString("level")),
                            rs.getString("decision_no"), rs.getObject("decided_on", LocalDate.class),
                            rs.getObject("published_on", LocalDate.class), null, null);
                });
        List<MemberRatings.Entry> full = new ArrayList<>();
        for (MemberRatings.Entry e : entries) {
            full.add(new MemberRatings.Entry(e.year(), e.subject(), e.ratingId(), e.roundId(), e.decidingBodyId(),
                    e.organizationId(), e.ruleSetId(), e.ruleSetTitle(), e.state(), e.selfProposed(), e.score(),
                    e.cellProposed(), e.appraised(), e.level(), e.decisionNo(), e.decidedOn(), e.publishedOn(),
                    outcomes(e.ratingId(), positions.get(e.ratingId()).decision()),
                    evidence(e.ratingId(), positions.get(e.ratingId()).evidence())));
        }
        return new MemberRatings(q.memberId(), full, provenance);
    }

    /** The rule outcomes recorded with the decision row in force; none before a decision. */
    private List<RuleOutcome> outcomes(String ratingId, Long position) {
        if (position == null) {
            return List.of();
        }
        return jdbc.query("""
                        select rule, severity, basis, message from rating_outcome
                         where rating_id = :id and position = :position order by seq""",
                Map.of("id", ratingId, "position", position), (rs, n) -> new RuleOutcome(rs.getString("rule"),
                        Severity.valueOf(rs.getString("severity")), rs.getString("basis"), rs.getString("message")));
    }

    /** The evidence recorded with the decision (or redecision) in force; none before a decision. */
    private MemberYearEvidence evidence(String ratingId, Long position) {
        if (position == null) {
            return null;
        }
        Map<String, Object> p = Map.of("id", ratingId, "position", position);
        List<TaskFact> tasks = jdbc.query("""
                        select task_id, description, due_on, completed_on, status from rating_evidence_task
                         where rating_id = :id and position = :position order by due_on, task_id""", p,
                (rs, n) -> new TaskFact(rs.getString("task_id"), rs.getString("description"),
                        rs.getObject("due_on", LocalDate.class), rs.getObject("completed_on", LocalDate.class),
                        TaskFact.Status.valueOf(rs.getString("status"))));
        return jdbc.query("select * from rating_evidence where rating_id = :id and position = :position", p,
                (rs, n) -> new MemberYearEvidence(rs.getInt("year"), rs.getBoolean("fully_exempt"),
                        rs.getBoolean("suspended"), rs.getBoolean("temporarily_exempt"),
                        rs.getObject("admitted_on", LocalDate.class), rs.getInt("meetings_required"),
                        rs.getInt("meetings_attended"), rs.getString("months_without_reason").isEmpty() ? List.of()
                        : Arrays.asList(rs.getString("months_without_reason").split(",")), tasks,
                        MemberYearEvidence.CommitmentStatus.valueOf(rs.getString("commitment"))))
                .stream().findFirst().orElse(null);
    }

    private static RatingLevel level(String name) {
        return name == null ? null : RatingLevel.valueOf(name);
    }

    /** :asOf and :knownAt for {@link #ENTRIES_KNOWN}; none given means everything dated and recorded so far. */
    private static MapSqlParameterSource axes(LocalDate asOf, Instant knownAt) {
        return new MapSqlParameterSource().addValue("asOf", asOf, Types.DATE).addValue("knownAt",
                knownAt == null ? null : knownAt.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Subtree.LEDGER_ZONE));
    }

    private Provenance provenance() {
        return ProjectionPositions.provenance(jdbc, RatingProjection.NAME, RatingProjection.VERSION,
                List.of(RatingProjection.NAME, MemberRollProjection.NAME, OrganizationTreeProjection.NAME));
    }
}
