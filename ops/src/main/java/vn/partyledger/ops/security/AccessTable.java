package vn.partyledger.ops.security;

import static vn.partyledger.ops.security.AccessRule.anyMethod;
import static vn.partyledger.ops.security.AccessRule.get;
import static vn.partyledger.ops.security.AccessRule.post;
import static vn.partyledger.ops.security.AccessRule.put;
import static vn.partyledger.ops.security.Permission.INSPECT;
import static vn.partyledger.ops.security.Permission.MONITOR;
import static vn.partyledger.ops.security.Permission.OPERATE;
import static vn.partyledger.ops.security.Permission.PUBLIC;
import static vn.partyledger.ops.security.Permission.READ_AGGREGATE;
import static vn.partyledger.ops.security.Permission.READ_RECORD;
import static vn.partyledger.ops.security.Permission.RECORD_FACTS;
import static vn.partyledger.ops.security.Permission.SHAPE_TREE;
import static vn.partyledger.ops.security.Scope.aggregate;
import static vn.partyledger.ops.security.Scope.any;
import static vn.partyledger.ops.security.Scope.body;
import static vn.partyledger.ops.security.Scope.bodyOrLedger;
import static vn.partyledger.ops.security.Scope.commitment;
import static vn.partyledger.ops.security.Scope.event;
import static vn.partyledger.ops.security.Scope.eventInBody;
import static vn.partyledger.ops.security.Scope.ledger;
import static vn.partyledger.ops.security.Scope.meeting;
import static vn.partyledger.ops.security.Scope.member;
import static vn.partyledger.ops.security.Scope.organization;
import static vn.partyledger.ops.security.Scope.organizationOrLedger;
import static vn.partyledger.ops.security.Scope.parentOf;
import static vn.partyledger.ops.security.Scope.ratingBody;
import static vn.partyledger.ops.security.Scope.ratingRound;
import static vn.partyledger.ops.security.Scope.ratingSubject;
import static vn.partyledger.ops.security.Scope.task;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every endpoint of the service, what it needs and where its organisation is found, in one place. {@link
 * AccessInterceptor} enforces it before any controller runs and refuses an endpoint that has no line here;
 * {@code AccessTableTest} fails when a mapped endpoint is missing. Adding an endpoint = adding one line.
 */
public final class AccessTable {

    private static final String API = "/api/v1";

    public static final List<AccessRule> RULES = List.of(
            // organisations
            post(API + "/organizations", SHAPE_TREE, bodyOrLedger("parentId")),
            post(API + "/organizations/{id}/reparenting", SHAPE_TREE, organization("id"), body("newParentId")),
            post(API + "/organizations/{id}/merger", SHAPE_TREE, organization("id"), body("survivorId")),
            post(API + "/organizations/{id}/dissolution", SHAPE_TREE, organization("id")),
            post(API + "/organizations/{id}/officers", RECORD_FACTS, organization("id")),
            post(API + "/organizations/{id}/officer-removals", RECORD_FACTS, organization("id")),
            post(API + "/organizations/{id}/meeting-day", RECORD_FACTS, organization("id")),
            post(API + "/organizations/{id}/liaisons", RECORD_FACTS, organization("id"), body("superiorOrganizationId")),
            post(API + "/organizations/{id}/liaison-endings", RECORD_FACTS, organization("id")),
            get(API + "/organizations", READ_AGGREGATE, ledger()),
            get(API + "/organizations/{id}", READ_AGGREGATE, organization("id")),
            get(API + "/organizations/{id}/tree", READ_AGGREGATE, organization("id")),
            get(API + "/organizations/{id}/roll", READ_RECORD, organization("id")),
            get(API + "/organizations/{id}/candidates", READ_RECORD, organization("id")),
            // members
            post(API + "/members", RECORD_FACTS, body("organizationId")),
            post(API + "/members/enrollments", RECORD_FACTS, body("organizationId")),
            post(API + "/members/{id}/awareness-course", RECORD_FACTS, member("id")),
            post(API + "/members/{id}/admission", RECORD_FACTS, member("id")),
            post(API + "/members/{id}/recognition", RECORD_FACTS, member("id")),
            post(API + "/members/{id}/probation-removal", RECORD_FACTS, member("id")),
            post(API + "/members/{id}/transfers", RECORD_FACTS, member("id")),
            post(API + "/members/{id}/transfer-receipt", RECORD_FACTS, body("organizationId")),
            post(API + "/members/{id}/temporary-transfer-end", RECORD_FACTS, member("id")),
            post(API + "/members/{id}/exemptions", RECORD_FACTS, member("id")),
            post(API + "/members/{id}/exemption-end", RECORD_FACTS, member("id")),
            post(API + "/members/{id}/suspensions", RECORD_FACTS, member("id")),
            post(API + "/members/{id}/reinstatement", RECORD_FACTS, member("id")),
            post(API + "/members/{id}/removal", RECORD_FACTS, member("id")),
            post(API + "/members/{id}/death", RECORD_FACTS, member("id")),
            get(API + "/members/{id}", READ_RECORD, member("id")),
            // meetings
            post(API + "/organizations/{cellId}/meetings", RECORD_FACTS, organization("cellId")),
            post(API + "/meetings/{id}/materials", RECORD_FACTS, meeting("id")),
            post(API + "/meetings/{id}/opening", RECORD_FACTS, meeting("id")),
            post(API + "/meetings/{id}/attendance", RECORD_FACTS, meeting("id")),
            post(API + "/meetings/{id}/guests", RECORD_FACTS, meeting("id")),
            post(API + "/meetings/{id}/agenda-items", RECORD_FACTS, meeting("id")),
            post(API + "/meetings/{id}/resolutions", RECORD_FACTS, meeting("id")),
            post(API + "/meetings/{id}/fee-report", RECORD_FACTS, meeting("id")),
            post(API + "/meetings/{id}/closing", RECORD_FACTS, meeting("id")),
            post(API + "/meetings/{id}/minutes-amendments", RECORD_FACTS, meeting("id")),
            get(API + "/meetings/{id}", READ_RECORD, meeting("id")),
            get(API + "/organizations/{id}/meeting-register", READ_AGGREGATE, organization("id")),
            get(API + "/organizations/{id}/attendance-risk", READ_RECORD, organization("id")),
            get(API + "/organizations/{id}/liaison-visits", READ_RECORD, organization("id")),
            // tasks, commitments, development
            post(API + "/organizations/{cellId}/households", RECORD_FACTS, organization("cellId")),
            post(API + "/organizations/{cellId}/tasks", RECORD_FACTS, organization("cellId")),
            post(API + "/tasks/{id}/progress", RECORD_FACTS, task("id")),
            post(API + "/tasks/{id}/result", RECORD_FACTS, task("id")),
            post(API + "/tasks/{id}/evaluation", RECORD_FACTS, task("id")),
            post(API + "/tasks/{id}/reassignment", RECORD_FACTS, task("id")),
            post(API + "/tasks/{id}/cancellation", RECORD_FACTS, task("id")),
            get(API + "/organizations/{id}/task-board", READ_RECORD, organization("id")),
            get(API + "/members/{id}/task-outcomes", READ_RECORD, member("id")),
            post(API + "/members/{id}/commitments", RECORD_FACTS, member("id")),
            post(API + "/commitments/{id}/review", RECORD_FACTS, commitment("id")),
            post(API + "/commitments/{id}/self-assessment", RECORD_FACTS, commitment("id")),
            post(API + "/commitments/{id}/breaches", RECORD_FACTS, commitment("id")),
            get(API + "/organizations/{id}/commitment-coverage", READ_AGGREGATE, organization("id")),
            put(API + "/organizations/{id}/admission-quotas/{year}", SHAPE_TREE, parentOf("id")),
            get(API + "/organizations/{id}/development", READ_AGGREGATE, organization("id")),
            // ratings: steps of the deciding body on the body, steps where the subject belongs on its organisation
            post(API + "/rating-rounds", RECORD_FACTS, body("decidingBodyId")),
            post(API + "/rating-rounds/{id}/ratings", RECORD_FACTS, ratingRound("id")),
            post(API + "/rating-rounds/{id}/decisions", RECORD_FACTS, ratingRound("id")),
            post(API + "/rating-rounds/{id}/closing", RECORD_FACTS, ratingRound("id")),
            post(API + "/ratings/{id}/self-review", RECORD_FACTS, ratingSubject("id")),
            post(API + "/ratings/{id}/cell-review", RECORD_FACTS, ratingSubject("id")),
            post(API + "/ratings/{id}/residence-comment", RECORD_FACTS, ratingSubject("id")),
            post(API + "/ratings/{id}/appraisal", RECORD_FACTS, ratingBody("id")),
            post(API + "/ratings/{id}/decision", RECORD_FACTS, ratingBody("id")),
            post(API + "/ratings/{id}/publication", RECORD_FACTS, ratingBody("id")),
            post(API + "/ratings/{id}/reopening", RECORD_FACTS, ratingBody("id")),
            post(API + "/ratings/{id}/redecision", RECORD_FACTS, ratingBody("id")),
            put(API + "/organizations/{id}/targets/{term}", RECORD_FACTS, organization("id")),
            get(API + "/organizations/{id}/rating-distribution", READ_AGGREGATE, organization("id")),
            get(API + "/organizations/{id}/target-compliance", READ_AGGREGATE, organization("id")),
            get(API + "/members/{id}/ratings", READ_RECORD, member("id")),
            // histories, corrections, oversight
            get(API + "/members/{id}/dossier", READ_RECORD, member("id")),
            get(API + "/organizations/{id}/history", READ_RECORD, organization("id")),
            get(API + "/organizations/{id}/record-reads", READ_RECORD, organization("id")),
            post(API + "/corrections", RECORD_FACTS, eventInBody("correctsEventId")),
            post(API + "/retractions", RECORD_FACTS, eventInBody("correctsEventId")),
            post(API + "/oversight/programmes", INSPECT, body("organizationId")),
            post(API + "/oversight/cases", INSPECT, body("organizationId")),
            post(API + "/oversight/cases/{id}/record-requests", INSPECT, aggregate("id")),
            post(API + "/oversight/cases/{id}/findings", INSPECT, aggregate("id")),
            post(API + "/oversight/cases/{id}/conclusion", INSPECT, aggregate("id")),
            post(API + "/oversight/cases/{id}/remedies", INSPECT, aggregate("id")),
            post(API + "/oversight/cases/{id}/remedy-verifications", INSPECT, aggregate("id")),
            get(API + "/oversight/cases/{id}", INSPECT, aggregate("id")),
            // ledger integrity: seals and public keys are evidence anyone with a grant may read and pass on
            post(API + "/ledger/seals", OPERATE, ledger()),
            get(API + "/ledger/seals", READ_AGGREGATE, any()),
            get(API + "/ledger/seals/{sealNo}", READ_AGGREGATE, any()),
            get(API + "/ledger/keys", READ_AGGREGATE, any()),
            post(API + "/ledger/keys/rotation", OPERATE, ledger()),
            get(API + "/ledger/scopes/{orgId}/verification", INSPECT, organizationOrLedger("orgId")),
            get(API + "/ledger/scopes/{orgId}/bundle", INSPECT, organizationOrLedger("orgId")),
            // accounts and operations
            post(API + "/users", OPERATE, ledger()),
            post(API + "/users/{id}/grants", OPERATE, ledger()),
            post(API + "/users/{id}/grant-revocations", OPERATE, ledger()),
            post(API + "/users/{id}/password", OPERATE, ledger()),
            get(API + "/users/{id}", OPERATE, ledger()),
            get(API + "/ops/processors", OPERATE, ledger()),
            post(API + "/ops/processors/{name}/replay", OPERATE, ledger()),
            get(API + "/ops/processors/{name}/replay", OPERATE, ledger()),
            get(API + "/ops/dead-letters", OPERATE, ledger()),
            post(API + "/ops/dead-letters/{eventId}/retry", OPERATE, ledger()),
            get(API + "/ops/access-log", OPERATE, ledger()),
            // web pages: the same permissions as the API they show
            get("/", PUBLIC),
            get("/login", PUBLIC, any()),
            get("/web/organizations", READ_AGGREGATE, any()),
            get("/web/organizations/{id}/roll", READ_RECORD, organization("id")),
            get("/web/organizations/{id}/register", READ_AGGREGATE, organization("id")),
            get("/web/organizations/{id}/attendance-risk", READ_RECORD, organization("id")),
            get("/web/organizations/{id}/task-board", READ_RECORD, organization("id")),
            get("/web/organizations/{cellId}/meetings/new", RECORD_FACTS, organization("cellId")),
            post("/web/organizations/{cellId}/meetings", RECORD_FACTS, organization("cellId")),
            get("/web/organizations/{cellId}/tasks/new", RECORD_FACTS, organization("cellId")),
            post("/web/organizations/{cellId}/tasks", RECORD_FACTS, organization("cellId")),
            get("/web/organizations/{id}/roll-import", RECORD_FACTS, organization("id")),
            post("/web/organizations/{id}/roll-import", RECORD_FACTS, organization("id")),
            // an import job lives in the HTTP session that created it, after the check on its commune above
            get("/web/imports/{jobId}", RECORD_FACTS, any()),
            post("/web/imports/{jobId}/next", RECORD_FACTS, any()),
            // the audit pages and the setup forms: a dossier, a history, a correction (on the record holding the
            // event), verification and bundle, establishing an organisation, enrolling and registering people
            get("/web/members/{id}/dossier", READ_RECORD, member("id")),
            get("/web/organizations/{id}/history", READ_RECORD, organization("id")),
            get("/web/events/{eventId}/correction", RECORD_FACTS, event("eventId")),
            post("/web/events/{eventId}/correction", RECORD_FACTS, event("eventId")),
            get("/web/organizations/{id}/verification", INSPECT, organization("id")),
            get("/web/organizations/{id}/bundle", INSPECT, organization("id")),
            get("/web/organizations/new", SHAPE_TREE, ledger()),
            post("/web/organizations", SHAPE_TREE, ledger()),
            get("/web/organizations/{parentId}/children/new", SHAPE_TREE, organization("parentId")),
            post("/web/organizations/{parentId}/children", SHAPE_TREE, organization("parentId")),
            get("/web/organizations/{cellId}/enrollments/new", RECORD_FACTS, organization("cellId")),
            post("/web/organizations/{cellId}/enrollments", RECORD_FACTS, organization("cellId")),
            get("/web/organizations/{cellId}/candidates/new", RECORD_FACTS, organization("cellId")),
            post("/web/organizations/{cellId}/candidates", RECORD_FACTS, organization("cellId")),
            // member development from the candidate's dossier: course, admission, recognition, probation removal
            get("/web/members/{id}/awareness-course", RECORD_FACTS, member("id")),
            post("/web/members/{id}/awareness-course", RECORD_FACTS, member("id")),
            get("/web/members/{id}/admission", RECORD_FACTS, member("id")),
            post("/web/members/{id}/admission", RECORD_FACTS, member("id")),
            get("/web/members/{id}/recognition", RECORD_FACTS, member("id")),
            post("/web/members/{id}/recognition", RECORD_FACTS, member("id")),
            get("/web/members/{id}/probation-removal", RECORD_FACTS, member("id")),
            post("/web/members/{id}/probation-removal", RECORD_FACTS, member("id")),
            // ratings on the dashboard (the December round, distribution, congress targets, a member's history)
            get("/web/organizations/{id}/rating-distribution", READ_AGGREGATE, organization("id")),
            get("/web/organizations/{id}/target-compliance", READ_AGGREGATE, organization("id")),
            post("/web/organizations/{id}/targets", RECORD_FACTS, organization("id")),
            get("/web/organizations/{id}/rating-rounds/new", RECORD_FACTS, organization("id")),
            post("/web/organizations/{id}/rating-rounds", RECORD_FACTS, organization("id")),
            get("/web/rating-rounds/{id}", RECORD_FACTS, ratingRound("id")),
            get("/web/rating-rounds/{id}/subjects", RECORD_FACTS, ratingRound("id")),
            post("/web/rating-rounds/{id}/subjects", RECORD_FACTS, ratingRound("id")),
            post("/web/rating-rounds/{id}/decisions", RECORD_FACTS, ratingRound("id")),
            get("/web/members/{id}/ratings", READ_RECORD, member("id")),
            // the steps between opening and deciding: where the subject belongs, the appraisal on the deciding body
            get("/web/ratings/{id}/self-review", RECORD_FACTS, ratingSubject("id")),
            post("/web/ratings/{id}/self-review", RECORD_FACTS, ratingSubject("id")),
            get("/web/ratings/{id}/cell-review", RECORD_FACTS, ratingSubject("id")),
            post("/web/ratings/{id}/cell-review", RECORD_FACTS, ratingSubject("id")),
            get("/web/ratings/{id}/residence-comment", RECORD_FACTS, ratingSubject("id")),
            post("/web/ratings/{id}/residence-comment", RECORD_FACTS, ratingSubject("id")),
            get("/web/ratings/{id}/appraisal", RECORD_FACTS, ratingBody("id")),
            post("/web/ratings/{id}/appraisal", RECORD_FACTS, ratingBody("id")),
            get("/web/organizations/{id}/ratings", RECORD_FACTS, organization("id")),
            get("/web/ops", OPERATE, ledger()),
            post("/web/ops/processors/{name}/replay", OPERATE, ledger()),
            post("/web/ops/dead-letters/{eventId}/retry", OPERATE, ledger()),
            // the API document and the container's error page
            get("/v3/api-docs", MONITOR, any()),
            get("/v3/api-docs.yaml", MONITOR, any()),
            get("/v3/api-docs/swagger-config", MONITOR, any()),
            get("/swagger-ui.html", MONITOR, any()),
            anyMethod("/error", PUBLIC));

    private static final Map<String, AccessRule> BY_KEY = RULES.stream()
            .collect(Collectors.toMap(r -> r.method() + " " + r.pattern(), Function.identity()));

    private AccessTable() {
    }

    /** The rule of an endpoint, by its HTTP method and mapped path pattern (as in the handler mapping). */
    public static Optional<AccessRule> find(String method, String pattern) {
        AccessRule rule = BY_KEY.get(method + " " + pattern);
        return rule != null ? Optional.of(rule) : Optional.ofNullable(BY_KEY.get("* " + pattern));
    }
}
