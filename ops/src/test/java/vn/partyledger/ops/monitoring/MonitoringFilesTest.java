package vn.partyledger.ops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard parse, and between them watch what issue 14 asks operators to watch. That each
 * metric they name is really exposed is checked against a running service in ReplayAndDeadLetterTest.
 */
class MonitoringFilesTest {

    /** ingest rate, command latency, processor lag, dead letters, rebuild progress, seal age, verification failures */
    private static final List<String> WATCHED = List.of("ledger_events_head", "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum", "ledger_processor_lag", "ledger_deadletters", "ledger_replay_progress",
            "ledger_seal_age_seconds", "ledger_chain_scopes_broken");

    @Test
    void everyAlertRuleHasANameAnExpressionASeverityAndASummary() throws Exception {
        List<Map<String, Object>> rules = MonitoringFiles.alertRules();
        assertThat(rules).isNotEmpty();
        Set<Object> names = new TreeSet<>();
        for (Map<String, Object> rule : rules) {
            assertThat(rule.get("alert")).as("rule %s", rule).isInstanceOf(String.class);
            assertThat(names.add(rule.get("alert"))).as("alert names are unique: %s", rule.get("alert")).isTrue();
            assertThat(String.valueOf(rule.get("expr"))).as("expr of %s", rule.get("alert")).isNotBlank();
            assertThat(MonitoringFiles.metricNames(String.valueOf(rule.get("expr")))).as("metrics of %s", rule.get("alert"))
                    .isNotEmpty();
            assertThat(((Map<?, ?>) rule.get("labels")).get("severity")).as("severity of %s", rule.get("alert"))
                    .isIn("warning", "critical");
            assertThat(((Map<?, ?>) rule.get("annotations")).get("summary")).as("summary of %s", rule.get("alert"))
                    .isNotNull();
        }
    }

    @Test
    void alertsWatchIngestLatencyLagDeadLettersRebuildsSealsAndVerification() throws Exception {
        Set<String> used = new TreeSet<>();
        MonitoringFiles.alertExpressions().forEach(e -> used.addAll(MonitoringFiles.metricNames(e)));
        assertThat(used).containsAll(WATCHED);
    }

    @Test
    void everyDashboardPanelQueriesPrometheusAndTheyCoverTheSameFigures() throws Exception {
        JsonNode dashboard = MonitoringFiles.dashboard();
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        List<String> empty = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (!"row".equals(panel.path("type").asText()) && (panel.path("targets").isEmpty()
                    || panel.path("targets").findValuesAsText("expr").stream().anyMatch(String::isBlank))) {
                empty.add(panel.path("title").asText());
            }
        }
        assertThat(empty).as("panels without a query").isEmpty();
        Set<String> used = new TreeSet<>();
        MonitoringFiles.dashboardExpressions().forEach(e -> used.addAll(MonitoringFiles.metricNames(e)));
        assertThat(used).containsAll(WATCHED);
    }

    @Test
    void metricNamesAreTheIdentifiersThatAreNeitherFunctionsNorLabelsNorKeywords() {
        assertThat(MonitoringFiles.metricNames("sum by (uri) (rate(http_server_requests_seconds_count{method=\"POST\","
                + " uri=~\"/api/v1/.*\"}[$__rate_interval])) > 0 and on() max(deriv(ledger_events_head[10m])) <= 2 * 3600"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_count", "ledger_events_head");
        assertThat(MonitoringFiles.metricNames("ledger_processor_lag > 0 and on(processor) deriv(ledger_processor_lag[15m]) >= 0"))
                .containsExactly("ledger_processor_lag");
    }
}
