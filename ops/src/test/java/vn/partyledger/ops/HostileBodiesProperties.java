package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile bodies against every command endpoint of the handler mapping (POST and PUT, with real ids in the path, as a
 * ledger-wide operator, over real HTTP so that Tomcat and the filters take part): wrong types, unknown fields, control
 * characters and lone surrogates, huge strings and numbers, bad dates, enum ordinals, deep nesting, duplicate keys,
 * trailing garbage, invalid UTF-8, nulls in lists, truncated JSON, wrong content types. Every one must be answered
 * with a 4xx problem document and leave the event store and the accounts unchanged. A failure prints jqwik's seed;
 * rerun with {@code @Property(seed = "…")} to replay it.
 */
class HostileBodiesProperties {

    private static ConfigurableApplicationContext app;
    private static List<Endpoint> endpoints;
    private static JdbcTemplate jdbc;
    private static HttpClient http;
    private static String base;
    private static String authorization;
    private static MockMvc mvc;

    record Endpoint(String method, String path, Class<?> body) {
    }

    record Case(Endpoint endpoint, String contentType, byte[] body, String what) {
        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return endpoint.method() + " " + endpoint.path() + " [" + contentType + "] " + what + ": "
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    @BeforeContainer
    static void start() {
        app = RestartTest.start(LedgerTestSupport.tempDir(), LedgerTestSupport.freePort());
        jdbc = app.getBean(JdbcTemplate.class);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        authorization = "Basic " + Base64.getEncoder().encodeToString((LedgerTestSupport.OPERATOR + ":"
                + LedgerTestSupport.OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app)
                .addFilters(((FilterRegistrationBean<?>) app.getBean("bodyLimit")).getFilter(),
                        app.getBean("springSecurityFilterChain", Filter.class))
                .build();
        endpoints = commandEndpoints(app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class),
                fixture(RestartTest.client(app)));
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /**
     * One case in ten goes over real HTTP (Tomcat, the container's error handling); the others through MockMvc on the
     * same application and filters, which keeps 10,000 cases near a minute on two cores.
     */
    @Property(tries = 10_000)
    void noHostileBodyIsStoredOrAnsweredWithA5xx(@ForAll("hostile") Case c, @ForAll @IntRange(max = 9) int channel)
            throws Exception {
        long events = count("domainevententry");
        long users = count("ledger_user");
        int status;
        String contentType;
        String answer;
        if (channel == 0) {
            HttpResponse<String> r = overHttp(c);
            status = r.statusCode();
            contentType = r.headers().firstValue("Content-Type").orElse("");
            answer = r.body();
        } else {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(
                    c.endpoint().method()), URI.create(c.endpoint().path())).header("Authorization", authorization)
                    .content(c.body());
            if (c.contentType() != null) {
                request.header("Content-Type", c.contentType());
            }
            MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
            status = r.getStatus();
            contentType = String.valueOf(r.getContentType());
            answer = r.getContentAsString(StandardCharsets.UTF_8);
        }
        assertThat(status).as(c + " -> " + answer).isBetween(400, 499);
        assertThat(contentType).as(c.toString()).startsWith("application/problem+json");
        assertThat(count("domainevententry")).as("events stored by " + c).isEqualTo(events);
        assertThat(count("ledger_user")).as("accounts created by " + c).isEqualTo(users);
    }

    private static HttpResponse<String> overHttp(Case c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + c.endpoint().path()))
                .timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                .method(c.endpoint().method(), HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    @Provide
    Arbitrary<Case> hostile() {
        return Arbitraries.of(endpoints).flatMap(e -> Arbitraries.oneOf(
                wrongType(e), unknownField(e), badText(e), hugeText(e), hugeNumber(e), badDate(e), enumOrdinal(e),
                deepNesting(e), duplicateKey(e), trailingGarbage(e), invalidUtf8(e), nullInList(e), truncated(e),
                notAnObject(e), wrongContentType(e)));
    }

    // ---- generators: each makes a body the strict reader must refuse, whatever the rest of the body holds

    private Arbitrary<Case> wrongType(Endpoint e) {
        List<RecordComponent> fields = fields(e);
        if (fields.isEmpty()) {
            return unknownField(e);
        }
        return Arbitraries.of(fields).flatMap(f -> wrongValueFor(f.getType()).map(v -> {
            ObjectNode body = plausible(e.body());
            body.set(f.getName(), v);
            return asCase(e, body, "wrong type for " + f.getName());
        }));
    }

    private static Arbitrary<JsonNode> wrongValueFor(Class<?> type) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        List<JsonNode> values = new ArrayList<>();
        if (type != String.class && type != LocalDate.class && !type.isEnum()) {
            values.add(n.textNode("1"));
            values.add(n.textNode("true"));
        }
        if (!isInteger(type) && type != Long.class && type != long.class) {
            values.add(n.numberNode(7));
            values.add(n.numberNode(-1));
        }
        if (isInteger(type) || type == Long.class || type == long.class) {
            values.add(n.numberNode(1.9));
            values.add(n.numberNode(1e10));
        }
        if (type != Boolean.class && type != boolean.class) {
            values.add(n.booleanNode(true));
        }
        if (!List.class.isAssignableFrom(type)) {
            values.add(n.arrayNode().add("x"));
        }
        if (!type.isRecord()) {
            values.add(n.objectNode().put("a", 1));
        }
        if (type == String.class || type.isEnum() || type == LocalDate.class) {
            values.add(n.numberNode(0));
            values.add(n.numberNode(20200101));
        }
        return Arbitraries.of(values);
    }

    private Arbitrary<Case> unknownField(Endpoint e) {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(name -> {
            ObjectNode body = plausible(e.body());
            body.put("zz" + name, "x");
            return asCase(e, body, "unknown field zz" + name);
        });
    }

    private Arbitrary<Case> badText(Endpoint e) {
        List<RecordComponent> texts = fields(e).stream().filter(f -> f.getType() == String.class).toList();
        if (texts.isEmpty()) {
            return unknownField(e);
        }
        Arbitrary<Character> bad = Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u0008'), Arbitraries.chars().range('\u000B', '\u000C'),
                Arbitraries.chars().range('\u000E', '\u001F'), Arbitraries.chars().range('\u007F', '\u009F'),
                Arbitraries.chars().range('\uD800', '\uDFFF'), Arbitraries.of('\uFFFE', '\uFFFF'));
        return Combinators.combine(Arbitraries.of(texts), bad, Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().ofMaxLength(30)).as((f, c, before, after) -> {
            // written as a JSON escape: an encoder would replace a lone surrogate by '?' before it is ever sent
            String escape = String.format("\\u%04X", (int) c);
            String body = plausible(e.body()).put(f.getName(), "@").toString()
                    .replace("\"@\"", "\"" + escapeJson(clean(before)) + escape + escapeJson(clean(after)) + "\"");
            return raw(e, body, String.format("U+%04X in %s", (int) c, f.getName()));
        });
    }

    private static String escapeJson(String s) {
        String quoted = JsonNodeFactory.instance.textNode(s).toString();
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String clean(String s) {
        return s.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F)
                        && !Character.isSurrogate((char) cp) && cp != 0xFFFE && cp != 0xFFFF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private Arbitrary<Case> hugeText(Endpoint e) {
        List<RecordComponent> texts = fields(e).stream().filter(f -> f.getType() == String.class).toList();
        if (texts.isEmpty()) {
            return unknownField(e);
        }
        return Combinators.combine(Arbitraries.of(texts), Arbitraries.integers().between(4001, 12_000),
                Arbitraries.of("a", "ễ", "😀", "e\u0301")).as((f, length, unit) -> {
            ObjectNode body = plausible(e.body());
            body.put(f.getName(), unit.repeat(length));
            return asCase(e, body, length + " × " + unit + " in " + f.getName());
        });
    }

    private Arbitrary<Case> hugeNumber(Endpoint e) {
        List<RecordComponent> fields = fields(e);
        if (fields.isEmpty()) {
            return unknownField(e);
        }
        return Combinators.combine(Arbitraries.of(fields), Arbitraries.integers().between(21, 400),
                Arbitraries.of("", "-", "0.", "1e")).as((f, digits, prefix) -> {
            String body = plausible(e.body()).put(f.getName(), "@").toString()
                    .replace("\"@\"", prefix + "9".repeat(digits));
            return raw(e, body, digits + " digits in " + f.getName());
        });
    }

    private Arbitrary<Case> badDate(Endpoint e) {
        List<RecordComponent> dates = fields(e).stream().filter(f -> f.getType() == LocalDate.class).toList();
        if (dates.isEmpty()) {
            return wrongType(e);
        }
        return Combinators.combine(Arbitraries.of(dates), Arbitraries.of("2020-1-1", "2020-01-01T00:00:00",
                "2020-01-01T00:00:00Z", "+999999999-01-01", "-0001-01-01", "1899-12-31", "2020-02-30", "9999-12-31",
                "２０２０-01-01", "20200101", "01/02/2020", "", " 2020-01-01", "2020-13-01", "2021-02-29")).as((f, v) -> {
            ObjectNode body = plausible(e.body());
            body.put(f.getName(), v);
            return asCase(e, body, "date " + v + " in " + f.getName());
        });
    }

    private Arbitrary<Case> enumOrdinal(Endpoint e) {
        List<RecordComponent> enums = fields(e).stream().filter(f -> f.getType().isEnum()).toList();
        if (enums.isEmpty()) {
            return wrongType(e);
        }
        return Combinators.combine(Arbitraries.of(enums), Arbitraries.integers().between(0, 9)).as((f, i) -> {
            ObjectNode body = plausible(e.body());
            body.put(f.getName(), i);
            return asCase(e, body, "ordinal " + i + " for " + f.getName());
        });
    }

    private Arbitrary<Case> deepNesting(Endpoint e) {
        return Combinators.combine(Arbitraries.integers().between(33, 400), Arbitraries.of("[", "{\"a\":"))
                .as((depth, open) -> {
                    String close = open.equals("[") ? "]" : "}";
                    String nested = open.repeat(depth) + "1" + close.repeat(depth);
                    String body = plausible(e.body()).put("zzDeep", "@").toString().replace("\"@\"", nested);
                    return raw(e, body, "nesting " + depth);
                });
    }

    private Arbitrary<Case> duplicateKey(Endpoint e) {
        List<String> names = new ArrayList<>(fields(e).stream().map(RecordComponent::getName).toList());
        if (names.isEmpty()) {
            names.add("a");
        }
        return Combinators.combine(Arbitraries.of(names), Arbitraries.of("1", "\"x\"", "null", "[]", "{}"))
                .as((name, value) -> {
                    String body = plausible(e.body()).toString();
                    body = "{\"" + name + "\":" + value + "," + (body.length() > 2 ? body.substring(1)
                            : "\"" + name + "\":" + value + "}");
                    if (!body.substring(body.indexOf(',')).contains("\"" + name + "\":")) {
                        body = body.substring(0, body.length() - 1) + ",\"" + name + "\":" + value + "}";
                    }
                    return raw(e, body, "duplicate " + name);
                });
    }

    private Arbitrary<Case> trailingGarbage(Endpoint e) {
        return Arbitraries.of("garbage", "}", "{}", "1", "\"x\"", "]", ",", "{\"a\":1}", "null", "\u0000")
                .map(tail -> raw(e, plausible(e.body()).toString() + tail, "trailing " + tail));
    }

    private Arbitrary<Case> invalidUtf8(Endpoint e) {
        List<byte[]> bad = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        return Arbitraries.of(bad).map(b -> {
            String[] parts = plausible(e.body()).put("zzText", "@").toString().split("@", 2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
            out.writeBytes(b);
            out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
            return new Case(e, "application/json", out.toByteArray(), "invalid UTF-8");
        });
    }

    private Arbitrary<Case> nullInList(Endpoint e) {
        List<RecordComponent> lists = fields(e).stream().filter(f -> List.class.isAssignableFrom(f.getType())).toList();
        if (lists.isEmpty()) {
            return unknownField(e);
        }
        return Arbitraries.of(lists).map(f -> {
            ObjectNode body = plausible(e.body());
            body.putArray(f.getName()).addNull();
            return asCase(e, body, "[null] in " + f.getName());
        });
    }

    private Arbitrary<Case> truncated(Endpoint e) {
        String full = plausible(e.body()).toString();
        return Arbitraries.integers().between(0, Math.max(0, full.length() - 1))
                .map(at -> raw(e, full.substring(0, at), "truncated at " + at));
    }

    private Arbitrary<Case> notAnObject(Endpoint e) {
        return Arbitraries.of("[]", "\"x\"", "1", "null", "true", "[{}]", " ", "{")
                .map(body -> raw(e, body, "not an object"));
    }

    private Arbitrary<Case> wrongContentType(Endpoint e) {
        return Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "application/evil+json", "application/json;charset=ISO-8859-1", "multipart/form-data; boundary=x",
                        "application/json;charset=bogus", "*/*", "json", "")
                .map(type -> new Case(e, type.isEmpty() ? null : type,
                        plausible(e.body()).toString().getBytes(StandardCharsets.UTF_8), "content type " + type));
    }

    private static Case asCase(Endpoint e, JsonNode body, String what) {
        return raw(e, body.toString(), what);
    }

    private static Case raw(Endpoint e, String body, String what) {
        return new Case(e, "application/json", body.getBytes(StandardCharsets.UTF_8), what);
    }

    // ---- the endpoints and a plausible body for each (valid or not: the mutation alone must be refused)

    private static List<RecordComponent> fields(Endpoint e) {
        return e.body() != null && e.body().isRecord() ? List.of(e.body().getRecordComponents()) : List.of();
    }

    private static ObjectNode plausible(Class<?> type) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (type == null || !type.isRecord()) {
            return node;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            node.set(c.getName(), plausibleValue(c.getType(), c.getGenericType()));
        }
        return node;
    }

    private static JsonNode plausibleValue(Class<?> type, Type generic) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        if (type == String.class) {
            return n.textNode("Nguyễn Văn A");
        }
        if (type == LocalDate.class) {
            return n.textNode("2020-01-01");
        }
        if (isInteger(type) || type == Long.class || type == long.class) {
            return n.numberNode(1);
        }
        if (type == Boolean.class || type == boolean.class) {
            return n.booleanNode(false);
        }
        if (type.isEnum()) {
            return n.textNode(((Enum<?>) type.getEnumConstants()[0]).name());
        }
        if (List.class.isAssignableFrom(type)) {
            ArrayNode list = n.arrayNode();
            if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                list.add(plausibleValue(element, element));
            }
            return list;
        }
        if (type.isRecord()) {
            return plausible(type);
        }
        return n.nullNode();
    }

    private static boolean isInteger(Class<?> type) {
        return type == Integer.class || type == int.class;
    }

    private static List<Endpoint> commandEndpoints(RequestMappingHandlerMapping mapping, Map<String, String> ids) {
        List<Endpoint> all = new ArrayList<>();
        mapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod method) -> {
            Class<?> body = null;
            for (MethodParameter p : method.getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    body = p.getParameterType();
                }
            }
            for (var m : info.getMethodsCondition().getMethods()) {
                if (!m.name().equals("POST") && !m.name().equals("PUT")) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    String path = pattern;
                    for (Map.Entry<String, String> id : ids.entrySet()) {
                        path = path.replace(id.getKey(), id.getValue());
                    }
                    all.add(new Endpoint(m.name(), path, body));
                }
            }
        });
        assertThat(all).hasSizeGreaterThan(45);
        return all;
    }

    /** One organisation, member, meeting, task and commitment, so that the path of every endpoint names a real one. */
    private static Map<String, String> fixture(LedgerClient op) {
        Scenario s = new Scenario(op);
        String province = s.establish("PROVINCE", null, null, "Tỉnh Thử", "2010-01-01");
        String commune = s.establish("COMMUNE", null, province, "Xã Thử", "2010-01-01");
        String cell = s.establish("CELL", "VILLAGE", commune, "Chi bộ Thử", "2010-01-01");
        String member = s.enrollOfficial(cell, "Lò Văn Thử", "2000-01-01", "2001-01-01");
        String meeting = op.post("/api/v1/organizations/" + cell + "/meetings",
                json("kind", "REGULAR", "heldOn", "2024-03-05", "occurredOn", "2024-03-01")).id();
        Map<String, Object> task = new LinkedHashMap<>(Map.of("assigneeId", member, "assignedBy", "CELL",
                "kind", "MASS_ORG", "description", "Phụ trách", "dueDate", "2024-12-31", "expectedResult", "Xong",
                "occurredOn", "2024-03-01"));
        String taskId = op.post("/api/v1/organizations/" + cell + "/tasks", task).id();
        String commitment = op.post("/api/v1/members/" + member + "/commitments", json("year", 2024, "sections",
                Map.of("politicalIdeology", "a", "ethicsAndLifestyle", "b", "assignedDuties", "c",
                        "organizationalDiscipline", "d", "remedyingShortcomings", "e", "congressResolutionPlan", "f"),
                "occurredOn", "2024-01-15")).id();
        String user = userId(op);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("/organizations/{id}", "/organizations/" + cell);
        ids.put("/organizations/{cellId}", "/organizations/" + cell);
        ids.put("/members/{id}", "/members/" + member);
        ids.put("/meetings/{id}", "/meetings/" + meeting);
        ids.put("/tasks/{id}", "/tasks/" + taskId);
        ids.put("/commitments/{id}", "/commitments/" + commitment);
        ids.put("/users/{id}", "/users/" + user);
        ids.put("{year}", "2024");
        ids.put("{name}", "member-roll-no-such");
        ids.put("{eventId}", "00000000-0000-0000-0000-000000000000");
        return ids;
    }

    private static String userId(LedgerClient op) {
        LedgerClient.Response r = op.post("/api/v1/users", Map.of("username", "hostile.target",
                "password", "hostile-target-password", "grants", List.of()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.id();
    }
}
