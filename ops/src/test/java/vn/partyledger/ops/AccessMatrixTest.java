package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.partyledger.ops.security.AccessRule;
import vn.partyledger.ops.security.AccessTable;
import vn.partyledger.ops.security.Permission;
import vn.partyledger.ops.security.Role;
import vn.partyledger.ops.security.Scope;

/**
 * Every endpoint of the handler mapping × every role × five places of the grant relative to the organisation the
 * request acts on (a cell T): T itself, T's commune (T is a child of the grant's organisation), a party group under T
 * (T is the grant's parent), a sibling cell, a cell of another province; plus a ledger-wide operator, an account with
 * no grant and no account at all. The expected answer is worked out here from the roles' duties, independently of
 * the application's Permission class: 401 without an account, 403 when no grant allows it, otherwise anything but
 * 401/403/5xx (the bodies are empty objects, so an allowed command is refused with a 400 and nothing is stored).
 */
class AccessMatrixTest extends LedgerTestSupport {

    private static final String PASSWORD = "matrix-test-password-1";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    JdbcTemplate jdbc;

    record Caller(String name, LedgerClient client, Role role, String organization) {
    }

    enum Place { OWN, PARENT_OF_TARGET, CHILD_OF_TARGET, SIBLING, OTHER_PROVINCE }

    /** Which roles may do what, as the README's Security section states it. */
    private static Set<Role> rolesFor(Permission permission) {
        return switch (permission) {
            case PUBLIC -> EnumSet.allOf(Role.class);
            case READ_AGGREGATE -> EnumSet.complementOf(EnumSet.of(Role.MONITORING));
            case READ_RECORD -> EnumSet.complementOf(EnumSet.of(Role.MONITORING, Role.DASHBOARD_VIEWER));
            case RECORD_FACTS -> EnumSet.of(Role.CELL_SECRETARY, Role.COMMUNE_COMMITTEE, Role.OPERATOR);
            case SHAPE_TREE -> EnumSet.of(Role.COMMUNE_COMMITTEE, Role.OPERATOR);
            case INSPECT -> EnumSet.of(Role.INSPECTOR, Role.OPERATOR);
            case OPERATE -> EnumSet.of(Role.OPERATOR);
            case MONITOR -> EnumSet.of(Role.MONITORING, Role.OPERATOR);
        };
    }

    @Test
    void everyEndpointAnswersEveryRoleAndScopeAsTheAccessTableSays() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        String province = s.establish("PROVINCE", null, null, "Tỉnh Ma Trận", "2010-01-01");
        String commune = s.establish("COMMUNE", null, province, "Xã Ma Trận", "2010-01-01");
        String target = s.establish("CELL", "VILLAGE", commune, "Chi bộ đích", "2010-01-01");
        String sibling = s.establish("CELL", "VILLAGE", commune, "Chi bộ bên cạnh", "2010-01-01");
        String group = s.establish("PARTY_GROUP", null, target, "Tổ đảng 1", "2010-01-01");
        String otherProvince = s.establish("PROVINCE", null, null, "Tỉnh Khác", "2010-01-01");
        String otherCommune = s.establish("COMMUNE", null, otherProvince, "Xã Khác", "2010-01-01");
        String otherCell = s.establish("CELL", "VILLAGE", otherCommune, "Chi bộ khác", "2010-01-01");
        String member = s.enrollOfficial(target, "Lò Văn Ma", "2000-01-01", "2001-01-01");
        String meeting = created(op.post("/api/v1/organizations/" + target + "/meetings",
                json("kind", "REGULAR", "heldOn", "2024-03-05", "occurredOn", "2024-03-01")));
        Map<String, Object> task = new LinkedHashMap<>();
        task.putAll(Map.of("assigneeId", member, "assignedBy", "CELL", "kind", "MASS_ORG", "description", "Phụ trách",
                "dueDate", "2024-12-31", "expectedResult", "Hoàn thành", "occurredOn", "2024-03-01"));
        String taskId = created(op.post("/api/v1/organizations/" + target + "/tasks", task));
        String commitment = created(op.post("/api/v1/members/" + member + "/commitments", json("year", 2024, "sections",
                Map.of("politicalIdeology", "a", "ethicsAndLifestyle", "b", "assignedDuties", "c",
                        "organizationalDiscipline", "d", "remedyingShortcomings", "e", "congressResolutionPlan", "f"),
                "occurredOn", "2024-01-15")));

        String targetEvent = jdbc.queryForObject("SELECT event_id FROM ledger_event WHERE scope_id = ? "
                + "ORDER BY scope_seq LIMIT 1", String.class, target);
        Map<Place, String> grantAt = Map.of(Place.OWN, target, Place.PARENT_OF_TARGET, commune,
                Place.CHILD_OF_TARGET, group, Place.SIBLING, sibling, Place.OTHER_PROVINCE, otherCell);
        Map<String, List<String>> lineage = Map.of(target, List.of(target, commune, province),
                commune, List.of(commune, province));

        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("anonymous", anonymous(), null, null));
        callers.add(new Caller("ledger operator", op, Role.OPERATOR, null));
        callers.add(user(op, "matrix.nogrant", List.of(), null, null));
        callers.add(user(op, "matrix.monitoring", List.of(Map.of("role", "MONITORING")), Role.MONITORING, null));
        for (Role role : Role.values()) {
            for (Place place : Place.values()) {
                callers.add(user(op, "matrix." + role.name().toLowerCase() + "." + place.name().toLowerCase(),
                        List.of(Map.of("role", role.name(), "organizationId", grantAt.get(place))), role,
                        grantAt.get(place)));
            }
        }
        // an inspector's read of a record is itself a recorded fact; nothing else may be stored
        String facts = "SELECT count(*) FROM domainevententry WHERE payloadtype NOT LIKE '%.InspectorReadRecorded'";
        long before = jdbc.queryForObject(facts, Long.class);

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (AccessTableTest.Endpoint e : AccessTableTest.endpoints(mapping)) {
            if (e.pattern().startsWith("/web/") || e.pattern().equals("/") || e.pattern().equals("/login")) {
                // web pages use the same table, behind form login and CSRF (302 / 403 before any rule):
                // DashboardBrowserTest drives them as a person would
                continue;
            }
            AccessRule rule = AccessTable.find(e.method(), e.pattern()).orElseThrow();
            String method = e.method().equals("*") ? "GET" : e.method();
            String path = e.pattern();
            Map<String, Object> body = new LinkedHashMap<>();
            List<String> scope = new ArrayList<>();   // organisations acted on; null = the whole ledger
            for (Scope sc : rule.scopes()) {
                switch (sc.kind()) {
                    case ORGANIZATION -> { path = path.replace("{" + sc.name() + "}", target); scope.add(target); }
                    case EVENT_IN_BODY -> { body.put(sc.name(), targetEvent); scope.add(target); }
                    case EVENT -> { path = path.replace("{" + sc.name() + "}", targetEvent); scope.add(target); }
                    // an aggregate of the target's record (the meeting): oversight endpoints then answer 4xx, not 403
                    case AGGREGATE -> { path = path.replace("{" + sc.name() + "}", meeting); scope.add(target); }
                    case ORGANIZATION_OR_LEDGER -> { path = path.replace("{" + sc.name() + "}", target); scope.add(target); }
                    case PARENT_OF_ORGANIZATION -> { path = path.replace("{" + sc.name() + "}", target); scope.add(commune); }
                    case MEMBER -> { path = path.replace("{" + sc.name() + "}", member); scope.add(target); }
                    case MEETING -> { path = path.replace("{" + sc.name() + "}", meeting); scope.add(target); }
                    case TASK -> { path = path.replace("{" + sc.name() + "}", taskId); scope.add(target); }
                    case COMMITMENT -> { path = path.replace("{" + sc.name() + "}", commitment); scope.add(target); }
                    case RATING_ROUND -> { path = path.replace("{" + sc.name() + "}", "round:" + target + ":2024"); scope.add(target); }
                    case RATING_BODY, RATING_SUBJECT -> {
                        // the target cell rates its member: the cell is both the deciding body and the member's cell
                        path = path.replace("{" + sc.name() + "}", "rating:" + target + ":2024:MEMBER:" + member);
                        scope.add(target);
                    }
                    case BODY, BODY_OR_LEDGER -> { body.put(sc.name(), target); scope.add(target); }
                    case LEDGER -> scope.add(null);
                    case ANY -> { }
                }
            }
            path = path.replace("{year}", "2024").replace("{term}", "2020-2025").replace("{sealNo}", "1").replace("{jobId}", "no-such-job").replace("{name}", "no-such-processor")
                    .replace("{eventId}", "00000000-0000-0000-0000-000000000000").replace("{id}", "no-such-user");
            String query = method.equals("GET") ? "?year=2024" : "";
            for (Caller c : callers) {
                int expected;
                if (rule.permission() == Permission.PUBLIC) {
                    expected = 0;
                } else if (c.name().equals("anonymous")) {
                    expected = 401;
                } else {
                    expected = allowed(c.role(), c.organization(), rule.permission(), scope, lineage) ? 0 : 403;
                }
                LedgerClient.Response r = switch (method) {
                    case "GET" -> c.client().get(path + query);
                    case "PUT" -> c.client().put(path, body);
                    default -> c.client().post(path, body);
                };
                checked++;
                boolean ok = expected == 0
                        ? r.status() != 401 && r.status() != 403 && r.status() < 500
                        : r.status() == expected;
                if (!ok || (r.status() >= 400 && !String.valueOf(r.contentType()).startsWith("application/problem+json"))) {
                    wrong.add(method + " " + e.pattern() + " as " + c.name() + ": expected "
                            + (expected == 0 ? "allowed" : expected) + ", got " + r.status() + " "
                            + r.raw().body().substring(0, Math.min(160, r.raw().body().length())));
                }
            }
        }
        assertThat(checked).isGreaterThan(2000);
        assertThat(wrong).isEmpty();
        assertThat(jdbc.queryForObject(facts, Long.class)).isEqualTo(before);
    }

    private static String created(LedgerClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }

    private static boolean allowed(Role role, String grantOrganization, Permission permission, List<String> scope,
                                   Map<String, List<String>> lineage) {
        if (permission == Permission.MONITOR) {
            // a monitoring grant, or an operator of the whole ledger
            return role == Role.MONITORING || (role == Role.OPERATOR && grantOrganization == null);
        }
        if (role == null || !rolesFor(permission).contains(role)) {
            return false;
        }
        if (grantOrganization == null) {
            return true;
        }
        return scope.stream().allMatch(o -> o != null && lineage.get(o).contains(grantOrganization));
    }

    private static Caller user(LedgerClient op, String username, List<Map<String, String>> grants, Role role,
                               String organization) {
        LedgerClient.Response r = op.post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "grants", grants));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Caller(username, op.as(username, PASSWORD), role, organization);
    }
}
