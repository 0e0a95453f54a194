package vn.partyledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A tiny HTTP client for end-to-end tests: JSON in, status + headers + JSON out, HTTP Basic. */
public final class LedgerClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    public LedgerClient(String base, String username, String password) {
        this.base = base;
        this.authorization = username == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public LedgerClient as(String username, String password) {
        return new LedgerClient(base, username, password);
    }

    public record Response(int status, HttpResponse<String> raw, JsonNode body) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String id() {
            return body.path("id").asText();
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public static ObjectNode json(Object... keyValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
        }
        return node;
    }

    public Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            headers.forEach(b::header);
            return send(b.build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response put(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.nullNode() : parse(r.body());
            return new Response(r.statusCode(), r, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
