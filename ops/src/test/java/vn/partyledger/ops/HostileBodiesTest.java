package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Filter;
import java.io.ByteArrayOutputStream;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile bodies against every command endpoint of the handler mapping (POST and PUT, with real ids in the path, as a
 * ledger-wide operator): wrong types, unknown and missing fields, control characters and lone surrogates, huge strings
 * and numbers, bad dates, enum ordinals, deep nesting, duplicate keys, trailing garbage, invalid UTF-8, nulls in lists,
 * truncated JSON, wrong content types. Every one must be answered with a 4xx problem document and leave the event
 * store and the accounts unchanged. The cases come from one seeded generator: the seed is printed at the start and in
 * every failure, and {@code -Dhostile.seed=<n>} replays that run case for case.
 */
class HostileBodiesTest {

    private static final int CASES = 10_000;

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

    record Answer(int status, String contentType, String body) {
    }

    /** The rows a hostile body could leave behind; counted in one round trip after every case. */
    record Stored(long events, long accounts) {
    }

    @BeforeAll
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

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /**
     * One case in ten goes over real HTTP (Tomcat, the container's error handling); the others through MockMvc on the
     * same application and filters, which is several times faster. The stored rows are counted after every case (one
     * query for both tables), so a body that stored anything is named by its case number, not by a batch.
     */
    @Test
    void noHostileBodyIsStoredOrAnsweredWithA5xx() {
        long seed = Long.getLong("hostile.seed", new SecureRandom().nextLong());
        System.out.println("HostileBodiesTest seed " + seed + " (replay with -Dhostile.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        Generator hostile = new Generator(random);
        Stored before = stored();
        long started = System.nanoTime();
        int overHttp = 0;
        long counting = 0;
        for (int i = 0; i < CASES; i++) {
            Case c = hostile.next(endpoints);
            boolean real = random.nextInt(10) == 0;
            overHttp += real ? 1 : 0;
            String where = "case " + i + " of seed " + seed + " (replay with -Dhostile.seed=" + seed + "), "
                    + (real ? "over HTTP" : "through MockMvc") + ": " + c;
            Answer answer;
            try {
                answer = real ? overHttp(c) : throughMockMvc(c);
            } catch (Exception e) {
                throw new AssertionError(where, e);
            }
            assertThat(answer.status()).as(where + " -> " + answer.body()).isBetween(400, 499);
            assertThat(answer.contentType()).as(where).startsWith("application/problem+json");
            long countStarted = System.nanoTime();
            Stored after = stored();
            counting += System.nanoTime() - countStarted;
            assertThat(after).as("rows stored by " + where).isEqualTo(before);
        }
        System.out.printf("HostileBodiesTest: %d cases (%d over HTTP) in %d ms, %d ms of it counting stored rows%n",
                CASES, overHttp, (System.nanoTime() - started) / 1_000_000, counting / 1_000_000);
    }

    private static Answer overHttp(Case c) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + c.endpoint().path()))
                .timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                .method(c.endpoint().method(), HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static Answer throughMockMvc(Case c) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(
                c.endpoint().method()), URI.create(c.endpoint().path())).header("Authorization", authorization)
                .content(c.body());
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
        return new Answer(r.getStatus(), String.valueOf(r.getContentType()), r.getContentAsString(StandardCharsets.UTF_8));
    }

    private static Stored stored() {
        return jdbc.queryForObject("SELECT (SELECT count(*) FROM domainevententry), (SELECT count(*) FROM ledger_user)",
                (rs, row) -> new Stored(rs.getLong(1), rs.getLong(2)));
    }

    /**
     * Makes hostile cases from one random source, so that a seed gives the same cases in the same order. Each family is
     * one method making a body the strict reader must refuse, whatever the rest of the body holds; a family that needs
     * a kind of field the endpoint lacks falls back to another.
     */
    static final class Generator {

        private static final List<String> BAD_DATES = List.of("2020-1-1", "2020-01-01T00:00:00",
                "2020-01-01T00:00:00Z", "+999999999-01-01", "-0001-01-01", "1899-12-31", "2020-02-30", "9999-12-31",
                "２０２０-01-01", "20200101", "01/02/2020", "", " 2020-01-01", "2020-13-01", "2021-02-29");
        private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
                "application/x-www-form-urlencoded", "application/evil+json", "application/json;charset=ISO-8859-1",
                "multipart/form-data; boundary=x", "application/json;charset=bogus", "*/*", "json", "");

        private final SplittableRandom random;
        private final List<Function<Endpoint, Case>> families = List.of(this::wrongType, this::unknownField,
                this::missingField, this::badText, this::hugeText, this::hugeNumber, this::badDate, this::enumOrdinal,
                this::deepNesting, this::duplicateKey, this::trailingGarbage, this::invalidUtf8, this::nullInList,
                this::truncated, this::notAnObject, this::wrongContentType);

        Generator(SplittableRandom random) {
            this.random = random;
        }

        Case next(List<Endpoint> endpoints) {
            Endpoint e = pick(endpoints);
            return pick(families).apply(e);
        }

        Case wrongType(Endpoint e) {
            List<RecordComponent> fields = fields(e);
            if (fields.isEmpty()) {
                return unknownField(e);
            }
            RecordComponent f = pick(fields);
            ObjectNode body = plausible(e.body());
            body.set(f.getName(), pick(wrongValuesFor(f.getType())));
            return asCase(e, body, "wrong type for " + f.getName());
        }

        Case unknownField(Endpoint e) {
            String name = "zz" + letters(1 + random.nextInt(12));
            ObjectNode body = plausible(e.body());
            body.put(name, "x");
            return asCase(e, body, "unknown field " + name);
        }

        /** A required field left out must be refused, never defaulted; optional ones may be left out, so not those. */
        Case missingField(Endpoint e) {
            List<RecordComponent> fields = fields(e).stream().filter(Generator::required).toList();
            if (fields.isEmpty()) {
                return unknownField(e);
            }
            RecordComponent f = pick(fields);
            ObjectNode body = plausible(e.body());
            body.remove(f.getName());
            return asCase(e, body, "missing " + f.getName());
        }

        Case badText(Endpoint e) {
            List<RecordComponent> texts = textFields(e);
            if (texts.isEmpty()) {
                return unknownField(e);
            }
            RecordComponent f = pick(texts);
            char c = badChar();
            // written as a JSON escape: an encoder would replace a lone surrogate by '?' before it is ever sent
            String escape = String.format("\\u%04X", (int) c);
            String text = escapeJson(clean(anyText(30))) + escape + escapeJson(clean(anyText(30)));
            String body = plausible(e.body()).put(f.getName(), "@").toString().replace("\"@\"", "\"" + text + "\"");
            return raw(e, body, String.format("U+%04X in %s", (int) c, f.getName()));
        }

        Case hugeText(Endpoint e) {
            List<RecordComponent> texts = textFields(e);
            if (texts.isEmpty()) {
                return unknownField(e);
            }
            RecordComponent f = pick(texts);
            int length = between(4001, 12_000);
            String unit = pick(List.of("a", "ễ", "😀", "e\u0301"));
            ObjectNode body = plausible(e.body());
            body.put(f.getName(), unit.repeat(length));
            return asCase(e, body, length + " × " + unit + " in " + f.getName());
        }

        Case hugeNumber(Endpoint e) {
            List<RecordComponent> fields = fields(e);
            if (fields.isEmpty()) {
                return unknownField(e);
            }
            RecordComponent f = pick(fields);
            int digits = between(21, 400);
            String prefix = pick(List.of("", "-", "0.", "1e"));
            String body = plausible(e.body()).put(f.getName(), "@").toString()
                    .replace("\"@\"", prefix + "9".repeat(digits));
            return raw(e, body, digits + " digits in " + f.getName());
        }

        Case badDate(Endpoint e) {
            List<RecordComponent> dates = fields(e).stream().filter(f -> f.getType() == LocalDate.class).toList();
            if (dates.isEmpty()) {
                return wrongType(e);
            }
            RecordComponent f = pick(dates);
            String date = pick(BAD_DATES);
            ObjectNode body = plausible(e.body());
            body.put(f.getName(), date);
            return asCase(e, body, "date " + date + " in " + f.getName());
        }

        Case enumOrdinal(Endpoint e) {
            List<RecordComponent> enums = fields(e).stream().filter(f -> f.getType().isEnum()).toList();
            if (enums.isEmpty()) {
                return wrongType(e);
            }
            RecordComponent f = pick(enums);
            int ordinal = random.nextInt(10);
            ObjectNode body = plausible(e.body());
            body.put(f.getName(), ordinal);
            return asCase(e, body, "ordinal " + ordinal + " for " + f.getName());
        }

        Case deepNesting(Endpoint e) {
            int depth = between(33, 400);
            String open = pick(List.of("[", "{\"a\":"));
            String close = open.equals("[") ? "]" : "}";
            String nested = open.repeat(depth) + "1" + close.repeat(depth);
            String body = plausible(e.body()).put("zzDeep", "@").toString().replace("\"@\"", nested);
            return raw(e, body, "nesting " + depth);
        }

        Case duplicateKey(Endpoint e) {
            List<String> names = new ArrayList<>(fields(e).stream().map(RecordComponent::getName).toList());
            if (names.isEmpty()) {
                names.add("a");
            }
            String name = pick(names);
            String value = pick(List.of("1", "\"x\"", "null", "[]", "{}"));
            String body = plausible(e.body()).toString();
            body = "{\"" + name + "\":" + value + "," + (body.length() > 2 ? body.substring(1)
                    : "\"" + name + "\":" + value + "}");
            if (!body.substring(body.indexOf(',')).contains("\"" + name + "\":")) {
                body = body.substring(0, body.length() - 1) + ",\"" + name + "\":" + value + "}";
            }
            return raw(e, body, "duplicate " + name);
        }

        Case trailingGarbage(Endpoint e) {
            String tail = pick(List.of("garbage", "}", "{}", "1", "\"x\"", "]", ",", "{\"a\":1}", "null", "\u0000"));
            return raw(e, plausible(e.body()).toString() + tail, "trailing " + tail);
        }

        Case invalidUtf8(Endpoint e) {
            byte[] bad = pick(INVALID_UTF8);
            String[] parts = plausible(e.body()).put("zzText", "@").toString().split("@", 2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bad);
            out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
            return new Case(e, "application/json", out.toByteArray(), "invalid UTF-8");
        }

        Case nullInList(Endpoint e) {
            List<RecordComponent> lists = fields(e).stream().filter(f -> List.class.isAssignableFrom(f.getType()))
                    .toList();
            if (lists.isEmpty()) {
                return unknownField(e);
            }
            RecordComponent f = pick(lists);
            ObjectNode body = plausible(e.body());
            body.putArray(f.getName()).addNull();
            return asCase(e, body, "[null] in " + f.getName());
        }

        Case truncated(Endpoint e) {
            String full = plausible(e.body()).toString();
            int at = random.nextInt(Math.max(1, full.length()));
            return raw(e, full.substring(0, at), "truncated at " + at);
        }

        Case notAnObject(Endpoint e) {
            return raw(e, pick(List.of("[]", "\"x\"", "1", "null", "true", "[{}]", " ", "{")), "not an object");
        }

        Case wrongContentType(Endpoint e) {
            String type = pick(CONTENT_TYPES);
            return new Case(e, type.isEmpty() ? null : type,
                    plausible(e.body()).toString().getBytes(StandardCharsets.UTF_8), "content type " + type);
        }

        private static boolean required(RecordComponent f) {
            Method accessor = f.getAccessor();
            return accessor.isAnnotationPresent(NotNull.class) || accessor.isAnnotationPresent(NotBlank.class)
                    || accessor.isAnnotationPresent(NotEmpty.class);
        }

        /** A character no text field may hold: C0 and C1 controls but tab, newline and CR, surrogates, U+FFFE/F. */
        private char badChar() {
            return (char) (int) pick(List.<Function<SplittableRandom, Integer>>of(
                    r -> r.nextInt(0x00, 0x09), r -> r.nextInt(0x0B, 0x0D), r -> r.nextInt(0x0E, 0x20),
                    r -> r.nextInt(0x7F, 0xA0), r -> r.nextInt(0xD800, 0xE000), r -> r.nextInt(0xFFFE, 0x10000)))
                    .apply(random);
        }

        /** Text around the bad character: ASCII, Vietnamese, anywhere in Unicode (clean() then drops the bad ones). */
        private String anyText(int maxLength) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(maxLength + 1);
            for (int i = 0; i < length; i++) {
                switch (random.nextInt(4)) {
                    case 0 -> text.append((char) random.nextInt(0x20, 0x7F));
                    case 1 -> text.append(pick(List.of("ễ", "ư", "Đ", "ơ", "e\u0301", "\u0300")));
                    case 2 -> text.append((char) random.nextInt(0x10000));
                    default -> text.appendCodePoint(random.nextInt(0x10000, 0x110000));
                }
            }
            return text.toString();
        }

        private String letters(int length) {
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < length; i++) {
                int letter = random.nextInt(52);
                name.append((char) (letter < 26 ? 'a' + letter : 'A' + letter - 26));
            }
            return name.toString();
        }

        private int between(int min, int max) {
            return random.nextInt(min, max + 1);
        }

        private <T> T pick(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }
    }

    private static List<JsonNode> wrongValuesFor(Class<?> type) {

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
        return values;
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

    private static Case asCase(Endpoint e, JsonNode body, String what) {
        return raw(e, body.toString(), what);
    }

    private static Case raw(Endpoint e, String body, String what) {
        return new Case(e, "application/json", body.getBytes(StandardCharsets.UTF_8), what);
    }

    private static List<RecordComponent> textFields(Endpoint e) {
        return fields(e).stream().filter(f -> f.getType() == String.class).toList();
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
                    if (!pattern.startsWith("/api/")) {
                        continue;   // web pages take forms, not JSON commands (their own text rules: WebFormText)
                    }
                    String path = pattern;
                    for (Map.Entry<String, String> id : ids.entrySet()) {
                        path = path.replace(id.getKey(), id.getValue());
                    }
                    assertThat(path).as("a path variable the fixture has no id for").doesNotContain("{");
                    if (body != null) {
                        // body-less commands refuse any body before acting (NoBodyExpected, HostileInputTest)
                        all.add(new Endpoint(m.name(), path, body));
                    }
                }
            }
        });
        assertThat(all).hasSizeGreaterThan(60);
        return all;
    }

    /**
     * One organisation, member, meeting, task, commitment, rating round and rating, so that the path of every endpoint
     * names a real one.
     */
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
        String round = RatingsTest.openRound(op, commune, 2024, "2024-12-01");
        String rating = RatingsTest.rate(op, round, "MEMBER", member, "2024-12-02");
        String user = userId(op);
        LedgerClient.Response opened = op.post("/api/v1/oversight/cases", json("organizationId", commune,
                "kind", "INSPECTION", "subjectOrganizationId", cell, "theme", "Chế độ sinh hoạt chi bộ",
                "occurredOn", "2024-09-01"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("/organizations/{id}", "/organizations/" + cell);
        ids.put("/organizations/{cellId}", "/organizations/" + cell);
        ids.put("/members/{id}", "/members/" + member);
        ids.put("/meetings/{id}", "/meetings/" + meeting);
        ids.put("/tasks/{id}", "/tasks/" + taskId);
        ids.put("/commitments/{id}", "/commitments/" + commitment);
        ids.put("/users/{id}", "/users/" + user);
        ids.put("/rating-rounds/{id}", "/rating-rounds/" + round);
        ids.put("/ratings/{id}", "/ratings/" + rating);
        ids.put("/oversight/cases/{id}", "/oversight/cases/" + opened.id());
        ids.put("{term}", "2020-2025");
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
