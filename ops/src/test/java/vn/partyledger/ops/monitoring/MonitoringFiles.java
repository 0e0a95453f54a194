package vn.partyledger.ops.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The operators' files under ops/ (README "Monitoring"): the Prometheus alert rules and the Grafana dashboard, read
 * the way Prometheus and Grafana read them, and the metric names their PromQL expressions use.
 */
public final class MonitoringFiles {

    public static final Path ALERTS = Path.of("prometheus", "ledger-alerts.yml");
    public static final Path DASHBOARD = Path.of("grafana", "ledger-dashboard.json");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

    private MonitoringFiles() {
    }

    /** Every rule of every group of the alert file, as Prometheus reads the YAML. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> alertRules() throws IOException {
        try (Reader reader = Files.newBufferedReader(ALERTS)) {
            Map<String, Object> file = new Yaml().load(reader);
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
            return rules;
        }
    }

    public static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(DASHBOARD.toFile());
    }

    /** The PromQL of every panel's targets, rows' nested panels included. */
    public static List<String> dashboardExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode target : dashboard().findValues("targets")) {
            target.forEach(t -> expressions.add(t.path("expr").asText()));
        }
        return expressions;
    }

    public static List<String> alertExpressions() throws IOException {
        return alertRules().stream().map(r -> String.valueOf(r.get("expr"))).toList();
    }

    /** Metric names used by the alert rules and the dashboard together. */
    public static Set<String> metricNames() throws IOException {
        Set<String> names = new TreeSet<>();
        alertExpressions().forEach(e -> names.addAll(metricNames(e)));
        dashboardExpressions().forEach(e -> names.addAll(metricNames(e)));
        return names;
    }

    /**
     * The metric names of one PromQL expression: identifiers that are not functions (followed by a parenthesis),
     * keywords, label names (inside braces or grouping clauses), durations or Grafana variables.
     */
    public static Set<String> metricNames(String promql) {
        String s = STRING.matcher(promql).replaceAll(" ");
        s = LABELS.matcher(s).replaceAll(" ");
        s = RANGE.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group().toLowerCase())) {
                names.add(m.group());
            }
        }
        return names;
    }
}
