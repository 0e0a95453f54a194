package vn.partyledger.ops.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.partyledger.api.rating.OpenRating;
import vn.partyledger.api.rating.OpenRatingRound;
import vn.partyledger.api.rules.rating.RatingSubject;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.partyledger.command.directory.MeetingDirectory;
import vn.partyledger.command.directory.MeetingEntry;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.command.directory.OrganizationEntry;
import vn.partyledger.command.directory.TaskDirectory;
import vn.partyledger.ops.web.CachedBody;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * Enforces the {@link AccessTable} before any controller method runs: finds the endpoint's rule (none = refused),
 * resolves its organisations (path variable, body field, owner of a member/meeting/task/commitment) and asks the
 * {@link AccessPolicy}. An unknown id answers 404 only to someone who holds the permission somewhere.
 */
@Configuration(proxyBeanMethods = false)
class AccessInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    static final String RULE_ATTRIBUTE = AccessInterceptor.class.getName() + ".rule";
    static final String SCOPE_ATTRIBUTE = AccessInterceptor.class.getName() + ".scope";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccessPolicy policy;
    private final OrganizationDirectory organizations;
    private final MemberDirectory members;
    private final MeetingDirectory meetings;
    private final TaskDirectory tasks;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    AccessInterceptor(AccessPolicy policy, OrganizationDirectory organizations, MemberDirectory members,
                      MeetingDirectory meetings, TaskDirectory tasks, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.organizations = organizations;
        this.members = members;
        this.meetings = meetings;
        this.tasks = tasks;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (!(handler instanceof HandlerMethod)) {
            return true;   // static resources: guarded by the security filter chain's matchers
        }
        String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        AccessRule rule = AccessTable.find(request.getMethod(), pattern).orElseThrow(() ->
                new AccessDeniedException("this endpoint has no line in the access table; it is closed"));
        request.setAttribute(RULE_ATTRIBUTE, rule);
        if (rule.permission() == Permission.PUBLIC) {
            return true;
        }
        LedgerPrincipal principal = CurrentActor.principal();
        if (!policy.allowsSomewhere(principal, rule.permission())) {
            throw new AccessDeniedException("no grant of yours allows " + rule.permission());
        }
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        List<String> scope = new ArrayList<>();
        boolean undetermined = false;
        for (Scope s : rule.scopes()) {
            switch (s.kind()) {
                case ANY -> { }
                case LEDGER -> scope.add(null);
                case ORGANIZATION -> scope.add(organization(variable(path, s)).organizationId());
                case ORGANIZATION_OR_LEDGER -> scope.add(LEDGER_SCOPE.equals(variable(path, s)) ? null
                        : organization(variable(path, s)).organizationId());
                case PARENT_OF_ORGANIZATION -> scope.add(organization(variable(path, s)).parentId());
                case MEMBER -> scope.add(members.find(variable(path, s)).map(MemberEntry::organizationId)
                        .orElseThrow(() -> new UnknownResourceException("no member " + variable(path, s))));
                case MEETING -> scope.add(meetings.find(variable(path, s)).map(MeetingEntry::organizationId)
                        .orElseThrow(() -> new UnknownResourceException("no meeting " + variable(path, s))));
                case TASK -> scope.add(tasks.cellOfTask(variable(path, s))
                        .orElseThrow(() -> new UnknownResourceException("no task " + variable(path, s))));
                case COMMITMENT -> scope.add(tasks.cellOfCommitment(variable(path, s))
                        .orElseThrow(() -> new UnknownResourceException("no commitment " + variable(path, s))));
                case AGGREGATE -> scope.add(scopeOfAggregate(variable(path, s)));
                case EVENT_IN_BODY -> {
                    Optional<String> eventId = bodyField(request, s.name());
                    if (eventId.isPresent()) {
                        scope.add(scopeOfEvent(eventId.get()));
                    } else {
                        undetermined = true;   // the controller refuses the missing field with a 400
                    }
                }
                case EVENT -> scope.add(scopeOfEvent(variable(path, s)));
                case RATING_ROUND -> scope.add(bodyOfRound(variable(path, s)));
                case RATING_BODY -> scope.add(bodyOfRound(roundOfRating(variable(path, s))));
                case RATING_SUBJECT -> scope.add(subjectOrganization(variable(path, s)));
                case BODY, BODY_OR_LEDGER -> {
                    Optional<String> field = bodyField(request, s.name());
                    if (field.isPresent()) {
                        scope.add(field.get());
                    } else if (s.kind() == Scope.Kind.BODY_OR_LEDGER) {
                        scope.add(null);
                    } else {
                        // the body lacks the field or is no JSON object: the controller refuses it with a 400, and
                        // the permission held somewhere (checked above) is all such a refusal may need
                        undetermined = true;
                    }
                }
            }
        }
        if (undetermined && scope.isEmpty()) {
            return true;
        }
        Grant grant = policy.require(principal, rule.permission(), scope);
        request.setAttribute(SCOPE_ATTRIBUTE, scope.stream().filter(o -> o != null).findFirst()
                .orElse(grant.organizationId()));
        return true;
    }

    /** The organisation whose record holds the event (the event store's scope column). */
    private String scopeOfEvent(String eventId) {
        if (!plausibleId(eventId)) {
            throw new UnknownResourceException("no event " + eventId);
        }
        return jdbc.queryForList("SELECT scope_id FROM ledger_event WHERE event_id = ?", String.class, eventId)
                .stream().findFirst().orElseThrow(() -> new UnknownResourceException("no event " + eventId));
    }

    /** The organisation whose record holds the aggregate's stream (the scope of its first event). */
    private String scopeOfAggregate(String aggregateId) {
        return jdbc.queryForList("SELECT scope_id FROM ledger_event WHERE aggregate_id = ? ORDER BY aggregate_seq "
                        + "LIMIT 1", String.class, aggregateId)
                .stream().findFirst().orElseThrow(() -> new UnknownResourceException("no such resource"));
    }

    /** The scope of ledger-wide facts (seals, keys): the same literal as the event store's. */
    private static final String LEDGER_SCOPE = "ledger";

    /** Rating ids name their round and subject (docs/decisions/0008): {@code round:<body>:<year>}. */
    private static String bodyOfRound(String roundId) {
        String body = OpenRatingRound.bodyOf(roundId);
        if (body == null) {
            throw new UnknownResourceException("no rating round " + roundId);
        }
        return body;
    }

    private static String roundOfRating(String ratingId) {
        String round = OpenRating.roundOf(ratingId);
        if (round == null) {
            throw new UnknownResourceException("no rating " + ratingId);
        }
        return round;
    }

    /** {@code rating:<body>:<year>:<SUBJECT>:<subjectId>}: a person belongs to their cell, an organisation to itself. */
    private String subjectOrganization(String ratingId) {
        roundOfRating(ratingId);
        String[] parts = ratingId.split(":", -1);
        RatingSubject subject;
        try {
            subject = RatingSubject.valueOf(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new UnknownResourceException("no rating " + ratingId);
        }
        return subject.isPerson()
                ? members.find(parts[4]).map(MemberEntry::organizationId)
                        .orElseThrow(() -> new UnknownResourceException("no rating " + ratingId))
                : parts[4];
    }

    private OrganizationEntry organization(String id) {
        return organizations.find(id).orElseThrow(() -> new UnknownResourceException("no organisation " + id));
    }

    private static String variable(Map<String, String> path, Scope s) {
        String value = path == null ? null : path.get(s.name());
        if (value == null) {
            throw new IllegalStateException("access rule names path variable " + s.name() + " that the endpoint lacks");
        }
        if (!plausibleId(value)) {
            throw new UnknownResourceException("no such resource");
        }
        return value;
    }

    /** No id the ledger makes is long or holds control characters (and PostgreSQL refuses NUL in any text). */
    private static boolean plausibleId(String value) {
        return value.length() <= 100 && value.chars().noneMatch(Character::isISOControl);
    }

    private static Optional<String> bodyField(HttpServletRequest request, String field) {
        byte[] body = CachedBody.of(request);
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode value = JSON.readTree(body).path(field);
            return value.isTextual() && !value.asText().isBlank() && plausibleId(value.asText())
                    ? Optional.of(Normalizer.normalize(value.asText(), Normalizer.Form.NFC))
                    : Optional.empty();
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }
}
