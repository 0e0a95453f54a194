package vn.partyledger.ops.dashboard;

import static vn.partyledger.ops.dashboard.RatingForms.MAX_YEAR;
import static vn.partyledger.ops.dashboard.RatingForms.MIN_YEAR;
import static vn.partyledger.ops.dashboard.RatingForms.authority;
import static vn.partyledger.ops.dashboard.RatingForms.bodyName;
import static vn.partyledger.ops.dashboard.RatingForms.defaultYear;
import static vn.partyledger.ops.dashboard.RatingForms.enumOr;
import static vn.partyledger.ops.dashboard.RatingForms.nullToEmpty;
import static vn.partyledger.ops.dashboard.RatingForms.occurredOn;
import static vn.partyledger.ops.dashboard.RatingForms.parseEnum;
import static vn.partyledger.ops.dashboard.RatingForms.parsePercent;
import static vn.partyledger.ops.dashboard.RatingForms.positionParameter;
import static vn.partyledger.ops.dashboard.RatingForms.rowOf;
import static vn.partyledger.ops.dashboard.RatingForms.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.partyledger.api.member.FindMember;
import vn.partyledger.api.member.MemberView;
import vn.partyledger.api.organization.OrganizationView;
import vn.partyledger.api.rating.CongressTarget;
import vn.partyledger.api.rating.FindMemberRatings;
import vn.partyledger.api.rating.FindRatingDistribution;
import vn.partyledger.api.rating.FindTargetCompliance;
import vn.partyledger.api.rating.MemberRatings;
import vn.partyledger.api.rating.RatingDistribution;
import vn.partyledger.api.rating.SetCongressTargets;
import vn.partyledger.api.rating.TargetCompliance;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.rating.PercentDisplay;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingRuleSet;
import vn.partyledger.api.rules.rating.RatingRuleSets;
import vn.partyledger.api.rules.rating.RatingSubject;
import vn.partyledger.ops.web.Commands;

/**
 * The ratings side of the dashboard (§2.6) that reads: the distribution of a year with the R3 quota per decision
 * scope, the congress targets (entered here) and their compliance, and a member's ratings across years. Shares and
 * quota flags are the query side's, judged by the shared rules in {@code api.rules.rating}; charts are drawn in the
 * browser from the same numbers as the tables.
 */
@Controller
class RatingPages extends Pages {

    private static final Pattern TERM = Pattern.compile("\\d{4}-\\d{4}");
    /** Empty rows the targets form offers beyond those already entered. */
    private static final int SPARE_TARGET_ROWS = 2;
    private static final int MIN_TARGET_ROWS = 4;
    /** Congress terms run five years from 2020 (XIII) on: 2020-2025, 2025-2030, … */
    private static final int FIRST_TERM = 2020;
    private static final int TERM_YEARS = 5;
    private static final int MAX_TERM_YEARS = 10;

    private final QueryGateway queries;
    private final Commands commands;
    private final Organizations organizations;
    private final FormSubmissions submissions;
    private final Labels labels;
    private final BusinessDay day;
    private final RatingRuleSets ruleSets;
    private final ObjectMapper json;

    RatingPages(QueryGateway queries, Commands commands, Organizations organizations, FormSubmissions submissions,
                Labels labels, BusinessDay day, RatingRuleSets ruleSets, ObjectMapper json) {
        this.json = json;
        this.queries = queries;
        this.commands = commands;
        this.organizations = organizations;
        this.submissions = submissions;
        this.labels = labels;
        this.day = day;
        this.ruleSets = ruleSets;
    }

    /** A bar chart: labels on the axis, one series per dataset; /js/charts.js draws it from JSON, no inline script. */
    record Chart(String type, List<String> labels, List<Series> series, String unit) {
    }

    /** {@code met}: per value, whether it meets its target (drawn green or red); null where nothing is judged. */
    record Series(String label, List<Double> values, List<Boolean> met) {
    }

    // ---- distribution ------------------------------------------------------------------------------------------

    /**
     * The distribution, true on {@code asOf} and as recorded by {@code knownAt} (the pickers; the exports read the
     * same): a correction recorded later is not applied, a decision dated later is not yet taken.
     */
    @GetMapping("/web/organizations/{id}/rating-distribution")
    Object distribution(@PathVariable String id, @RequestParam(required = false) Integer year,
                        @RequestParam(required = false) String subject,
                        @RequestParam(required = false) String rounding,
                        @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
                        @RequestParam(required = false) String format, @RequestParam(required = false) String table,
                        Model model) {
        int y = year == null || year < MIN_YEAR || year > MAX_YEAR ? defaultYear(day) : year;
        RatingSubject s = enumOr(RatingSubject.class, subject, RatingSubject.MEMBER);
        PercentDisplay r = enumOr(PercentDisplay.class, rounding, PercentDisplay.HALF_UP);
        Map<String, String> errors = new LinkedHashMap<>();
        TimeAxes axes = TimeAxes.parse(asOf, knownAt, day.zone(), labels, errors);
        OrganizationView org = organizations.view(id, null);
        RatingDistribution d = queries.query(new FindRatingDistribution(id, y, s, r, 1, axes.asOf(), axes.knownAt()),
                ResponseTypes.instanceOf(RatingDistribution.class)).join();

        List<List<Object>> levelRows = new ArrayList<>();
        List<String> chartLabels = new ArrayList<>();
        List<Double> chartCounts = new ArrayList<>();
        for (RatingDistribution.LevelCount l : d.levels()) {
            levelRows.add(List.of(labels.of(l.level()), l.count(), nullToEmpty(l.percent())));
            chartLabels.add(labels.of(l.level()));
            chartCounts.add((double) l.count());
        }
        if (d.unreported() > 0) {
            String share = r.format(d.unreported(), d.rated(), 1);
            levelRows.add(List.of(labels.of("rating.unreported"), d.unreported(), nullToEmpty(share)));
            chartLabels.add(labels.of("rating.unreported"));
            chartCounts.add((double) d.unreported());
        }
        levelRows.add(List.of(labels.of("rating.ratedTotal"), d.rated(), d.rated() > 0 ? r.format(d.rated(),
                d.rated(), 1) : ""));
        Table levels = new Table("levels", labels.of("rating.distribution.title", labels.of(s), org.name(), y),
                List.of(labels.of("col.ratingLevel"), labels.of("col.count"), labels.of("col.share")), levelRows);

        List<List<Object>> notRatedRows = new ArrayList<>();
        for (RatingDistribution.NotRated n : d.notRated()) {
            notRatedRows.add(List.of(notRatedReason(n.reason()), n.count()));
        }
        Table notRated = new Table("not-rated", labels.of("rating.notRated.title"),
                List.of(labels.of("col.reason"), labels.of("col.count")), notRatedRows);

        List<List<Object>> quotaRows = new ArrayList<>();
        for (RatingDistribution.QuotaScope q : d.quotaScopes()) {
            quotaRows.add(List.of(bodyName(organizations, q.decidingBodyId()), q.ruleSetId(), q.excellent(), q.good(),
                    nullToEmpty(r.format(q.excellent(), q.good(), 1)),
                    !q.quotaApplies() ? labels.of("rating.quota.notApplied")
                            : q.within() ? labels.of("rating.quota.within") : labels.of("rating.quota.exceeded"),
                    q.overriddenBy() == null ? "" : authority(q.overriddenBy()),
                    q.basis() == null ? "" : q.basis()));
        }
        Table quota = new Table("quota", labels.of("rating.quota.title"), List.of(labels.of("col.decisionScope"),
                labels.of("col.ruleSet"), labels.of("enum.RatingLevel.EXCELLENT"), labels.of("enum.RatingLevel.GOOD"),
                labels.of("col.excellentOfGood"), labels.of("col.quotaResult"), labels.of("col.override"),
                labels.of("col.basis")), quotaRows);
        if (exporting(format)) {
            Table chosen = "quota".equals(table) ? quota : "not-rated".equals(table) ? notRated : levels;
            return export(chosen, format, "xep-loai-" + y);
        }
        model.addAttribute("org", org);
        model.addAttribute("year", y);
        model.addAttribute("subject", s);
        model.addAttribute("rounding", r);
        model.addAttribute("subjects", RatingSubject.values());
        model.addAttribute("roundings", PercentDisplay.values());
        model.addAttribute("d", d);
        model.addAttribute("ruleSetTitles", d.ruleSets().stream()
                .map(set -> ruleSets.byId(set).map(RatingRuleSet::title).orElse(set)).toList());
        model.addAttribute("levels", levels);
        model.addAttribute("notRated", notRated);
        model.addAttribute("quota", quota);
        model.addAttribute("chartJson", chartJson(new Chart("bar", chartLabels,
                List.of(new Series(labels.of("col.count"), chartCounts, null)), "")));
        model.addAttribute("axes", axes);
        model.addAttribute("errors", errors);
        model.addAttribute("query", "year=" + y + "&subject=" + s + "&rounding=" + r + "&" + axes.query());
        return "rating-distribution";
    }

    /** R1 reasons come as "R1: <message>" from the shared rules; anything else is "not rated" without a reason. */
    private String notRatedReason(String reason) {
        if (reason.startsWith("R1: ")) {
            return labels.of("rating.notRated.rule", "R1", labels.of("rule.R1"), reason.substring(4));
        }
        return labels.of("rating.notRated.none");
    }

    // ---- congress targets and compliance -----------------------------------------------------------------------

    @GetMapping("/web/organizations/{id}/target-compliance")
    Object compliance(@PathVariable String id, @RequestParam(required = false) String term,
                      @RequestParam(required = false) String format, @RequestParam(required = false) String table,
                      Model model) {
        String t = isTerm(term) ? term : defaultTerm();
        OrganizationView org = organizations.view(id, null);
        TargetCompliance c = compliance(id, t);
        Table results = complianceTable(org, c);
        Table targets = targetsTable(c.targets());
        if (exporting(format)) {
            return export("targets".equals(table) ? targets : results, format, "chi-tieu-nhiem-ky-" + t);
        }
        fillCompliance(model, org, t, c, results, targets, UUID.randomUUID().toString(), Map.of(), new FormErrors(),
                Map.of());
        return "target-compliance";
    }

    @PostMapping("/web/organizations/{id}/targets")
    String setTargets(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                      HttpServletResponse response) {
        OrganizationView org = organizations.view(id, null);
        FormErrors errors = new FormErrors();
        Map<Integer, String> rowErrors = new LinkedHashMap<>();
        String term = form.getOrDefault("term", "").strip();
        if (!isTerm(term)) {
            errors.add("term", labels.of("form.badTerm"));
        }
        LocalDate occurredOn = occurredOn(form.get("occurredOn"), "occurredOn", errors, labels, day);
        String key = submissions.validKey(form.get("idempotencyKey")).orElse(null);
        if (key == null) {
            errors.add(null, labels.of("form.noKey"));
        }
        List<CongressTarget> targets = new ArrayList<>();
        List<Integer> formRows = new ArrayList<>();
        for (int i = 0; form.containsKey("percent_" + i); i++) {
            String label = MeetingPages.blankToNull(form.get("label_" + i));
            String percentText = MeetingPages.blankToNull(form.get("percent_" + i));
            if (label == null && percentText == null) {
                continue;   // a spare row left empty
            }
            RatingSubject subject = parseEnum(RatingSubject.class, form.get("subject_" + i));
            RatingLevel level = parseEnum(RatingLevel.class, form.get("level_" + i));
            CongressTarget.Comparison comparison = parseEnum(CongressTarget.Comparison.class,
                    form.get("comparison_" + i));
            Integer percent = parsePercent(percentText);
            if (subject == null || level == null || comparison == null || percent == null) {
                rowErrors.put(i, percent == null ? labels.of("form.badPercent") : labels.of("form.choose"));
                continue;
            }
            targets.add(new CongressTarget(label, subject, level, form.containsKey("orBetter_" + i), comparison,
                    percent));
            formRows.add(i);
        }
        if (targets.isEmpty() && rowErrors.isEmpty()) {
            errors.add("targets", labels.of("form.noTargets"));
        }
        String t = isTerm(term) ? term : defaultTerm();
        if (!errors.isEmpty() || !rowErrors.isEmpty()) {
            return targetsForm(model, org, t, key, form, errors, rowErrors);
        }
        return submissions.submit(key, "/web/organizations/" + id + "/targets", errors,
                () -> commands.send(new SetCongressTargets(SetCongressTargets.idOf(id, term), id, term, targets,
                        occurredOn), null),
                refusal -> {
                    Integer row = rowOf(refusal.field());
                    if (row != null && row < formRows.size()) {
                        rowErrors.put(formRows.get(row), text(refusal, labels));
                    } else {
                        errors.add(refusal, labels);
                    }
                },
                () -> targetsForm(model, org, t, key, form, errors, rowErrors),
                () -> "/web/organizations/" + id + "/target-compliance?term=" + term + "&saved=1"
                        + positionParameter(response));
    }

    private String targetsForm(Model model, OrganizationView org, String term, String key, Map<String, String> form,
                               FormErrors errors, Map<Integer, String> rowErrors) {
        TargetCompliance c = compliance(org.organizationId(), term);
        fillCompliance(model, org, term, c, complianceTable(org, c), targetsTable(c.targets()),
                key == null ? UUID.randomUUID().toString() : key, form, errors, rowErrors);
        return "target-compliance";
    }

    private TargetCompliance compliance(String id, String term) {
        return queries.query(new FindTargetCompliance(id, term), ResponseTypes.instanceOf(TargetCompliance.class))
                .join();
    }

    private Table complianceTable(OrganizationView org, TargetCompliance c) {
        List<List<Object>> rows = new ArrayList<>();
        for (TargetCompliance.Year y : c.years()) {
            for (int i = 0; i < y.results().size(); i++) {
                TargetCompliance.Result r = y.results().get(i);
                CongressTarget target = i < c.targets().size() ? c.targets().get(i) : null;
                rows.add(List.of(y.year(), targetText(r.label(), target), r.rated(), r.reaching(),
                        nullToEmpty(r.percent()), labels.of(r.met() ? "rating.met" : "rating.notMet")));
            }
        }
        return new Table("compliance", labels.of("rating.compliance.title", org.name(), c.term()),
                List.of(labels.of("common.year"), labels.of("col.target"), labels.of("col.rated"),
                        labels.of("col.reaching"), labels.of("col.share"), labels.of("col.result")), rows);
    }

    private Table targetsTable(List<CongressTarget> targets) {
        List<List<Object>> rows = new ArrayList<>();
        for (CongressTarget t : targets) {
            rows.add(List.of(nullToEmpty(t.label()), labels.of(t.subject()), labels.of(t.level())
                    + (t.orBetter() ? " " + labels.of("rating.orBetter") : ""), labels.of(t.comparison()),
                    t.percent()));
        }
        return new Table("targets", labels.of("rating.targets.title"), List.of(labels.of("col.target"),
                labels.of("col.subject"), labels.of("col.ratingLevel"), labels.of("col.comparison"),
                labels.of("col.percent")), rows);
    }

    /** "> 90% đảng viên HTT trở lên" as entered, else the target said in words. */
    private String targetText(String label, CongressTarget target) {
        if (label != null && !label.isBlank()) {
            return label;
        }
        if (target == null) {
            return "";
        }
        return labels.of(target.comparison()) + " " + target.percent() + "% " + labels.of(target.subject()) + " "
                + labels.of(target.level()) + (target.orBetter() ? " " + labels.of("rating.orBetter") : "");
    }

    private void fillCompliance(Model model, OrganizationView org, String term, TargetCompliance c, Table results,
                                Table targets, String key, Map<String, String> form, FormErrors errors,
                                Map<Integer, String> rowErrors) {
        List<String> years = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < c.targets().size(); i++) {
            List<Double> values = new ArrayList<>();
            List<Boolean> met = new ArrayList<>();
            for (TargetCompliance.Year y : c.years()) {
                TargetCompliance.Result r = i < y.results().size() ? y.results().get(i) : null;
                values.add(r == null || r.percent() == null ? null
                        : Double.valueOf(r.percent().replace("%", "")));
                met.add(r != null && r.met());
            }
            series.add(new Series(targetText(c.targets().get(i).label(), c.targets().get(i)), values, met));
        }
        c.years().forEach(y -> years.add(String.valueOf(y.year())));
        // the form shows what is entered (or what was typed, after a refusal) and spare rows for more
        List<Map<String, String>> rows = new ArrayList<>();
        int entered = form.isEmpty() ? c.targets().size() : 0;
        for (int i = 0; form.containsKey("percent_" + i); i++) {
            entered = i + 1;
        }
        int size = Math.max(MIN_TARGET_ROWS, entered + (form.isEmpty() ? SPARE_TARGET_ROWS : 0));
        for (int i = 0; i < size; i++) {
            Map<String, String> row = new LinkedHashMap<>();
            if (!form.isEmpty()) {
                for (String f : List.of("label", "subject", "level", "comparison", "percent")) {
                    row.put(f, form.getOrDefault(f + "_" + i, ""));
                }
                row.put("orBetter", form.containsKey("orBetter_" + i) ? "true" : "");
            } else if (i < c.targets().size()) {
                CongressTarget t = c.targets().get(i);
                row.put("label", nullToEmpty(t.label()));
                row.put("subject", t.subject().name());
                row.put("level", t.level().name());
                row.put("comparison", t.comparison().name());
                row.put("percent", String.valueOf(t.percent()));
                row.put("orBetter", t.orBetter() ? "true" : "");
            } else {
                row.put("subject", RatingSubject.MEMBER.name());
                row.put("level", RatingLevel.GOOD.name());
                row.put("comparison", CongressTarget.Comparison.AT_LEAST.name());
                row.put("orBetter", "true");
            }
            row.put("error", rowErrors.getOrDefault(i, ""));
            rows.add(row);
        }
        model.addAttribute("org", org);
        model.addAttribute("term", term);
        model.addAttribute("c", c);
        model.addAttribute("table", results);
        model.addAttribute("targets", targets);
        model.addAttribute("chartJson", chartJson(new Chart("bar", years, series, "%")));
        model.addAttribute("targetRows", rows);
        model.addAttribute("subjects", List.of(RatingSubject.MEMBER, RatingSubject.CELL, RatingSubject.GRASSROOTS_ORG));
        model.addAttribute("allLevels", List.of(RatingLevel.EXCELLENT, RatingLevel.GOOD, RatingLevel.COMPLETED,
                RatingLevel.NOT_COMPLETED, RatingLevel.LEGACY_CLEAN_STRONG, RatingLevel.LEGACY_WEAK));
        model.addAttribute("comparisons", CongressTarget.Comparison.values());
        model.addAttribute("today", day.today());
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.byField());
    }

    // ---- a member's history ------------------------------------------------------------------------------------

    @GetMapping("/web/members/{id}/ratings")
    Object memberRatings(@PathVariable String id, @RequestParam(required = false) String format, Model model) {
        MemberView member = queries.query(new FindMember(id), ResponseTypes.instanceOf(MemberView.class)).join();
        MemberRatings history = queries.query(new FindMemberRatings(id), ResponseTypes.instanceOf(MemberRatings.class))
                .join();
        List<List<Object>> rows = new ArrayList<>();
        for (MemberRatings.Entry e : history.ratings()) {
            rows.add(List.of(e.year(), labels.of(e.subject()), bodyName(organizations, e.decidingBodyId()),
                    e.ruleSetId() + " — " + nullToEmpty(e.ruleSetTitle()), level(e.selfProposed()),
                    level(e.cellProposed()), level(e.appraised()), level(e.level()), nullToEmpty(e.decisionNo()),
                    OrganizationPages.date(e.decidedOn()), labels.of("rating.state." + e.state()),
                    outcomes(e.outcomes())));
        }
        String name = member == null || member.fullName() == null ? id : member.fullName();
        Table table = new Table("ratings", labels.of("rating.history.title", name), List.of(labels.of("common.year"),
                labels.of("col.subject"), labels.of("col.decidingBody"), labels.of("col.ruleSet"),
                labels.of("col.selfProposed"), labels.of("col.cellProposed"), labels.of("col.appraised"),
                labels.of("col.ratingLevel"), labels.of("col.decisionNo"), labels.of("col.decidedOn"),
                labels.of("col.state"), labels.of("col.outcomes")), rows);
        if (exporting(format)) {
            return export(table, format, "xep-loai-dang-vien");
        }
        model.addAttribute("name", name);
        model.addAttribute("table", table);
        return "member-ratings";
    }

    private String outcomes(List<RuleOutcome> outcomes) {
        if (outcomes == null) {
            return "";
        }
        return String.join("; ", outcomes.stream().filter(o -> o.isViolation() || o.isWarning())
                .map(o -> o.rule() + " (" + labels.of("rule." + o.rule()) + "): " + nullToEmpty(o.message())
                        + (o.basis() == null ? "" : " — " + o.basis())).toList());
    }

    // ---- shared helpers ----------------------------------------------------------------------------------------

    private String chartJson(Chart chart) {
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chart of labels and numbers is always JSON", e);
        }
    }

    /** A term the ledger can judge: {@code 2025-2030}, at most ten years, none before ratings were recorded. */
    private static boolean isTerm(String term) {
        if (term == null || !TERM.matcher(term).matches()) {
            return false;
        }
        int first = Integer.parseInt(term.substring(0, 4));
        int last = Integer.parseInt(term.substring(5));
        return first >= MIN_YEAR && last > first && last - first <= MAX_TERM_YEARS;
    }

    private String defaultTerm() {
        int start = FIRST_TERM + Math.floorDiv(day.today().getYear() - FIRST_TERM, TERM_YEARS) * TERM_YEARS;
        return start + "-" + (start + TERM_YEARS);
    }

    private String level(RatingLevel level) {
        return level == null ? "" : labels.of(level);
    }
}
