package vn.partyledger.ops.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on a POST: a retry with the same key (per user) returns the first answer and stores nothing
 * new; the same key with a different body is refused. A cell secretary on a poor mobile connection can resend safely.
 * Only successful (2xx) answers are remembered, so a corrected retry after a 4xx goes through.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int IN_PROGRESS = 0;

    private final JdbcTemplate jdbc;

    IdempotencyFilter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String user = auth.getName();
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 200) {
            problem(response, 400, "Idempotency-Key must be 1 to 200 characters");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = sha256(request.getRequestURI() + "\n" + new String(body, StandardCharsets.UTF_8));

        List<Stored> previous = jdbc.query(
                "SELECT request_hash, status, location, body FROM idempotency_key WHERE username = ? AND idem_key = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)), user, key);
        if (!previous.isEmpty()) {
            replay(previous.get(0), hash, response);
            return;
        }
        try {
            jdbc.update("INSERT INTO idempotency_key (username, idem_key, request_hash, status) VALUES (?, ?, ?, ?)",
                    user, key, hash, IN_PROGRESS);
        } catch (DuplicateKeyException raced) {
            problem(response, 409, "a request with this Idempotency-Key is being processed");
            return;
        }
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        boolean remembered = false;
        try {
            chain.doFilter(new ReplayableRequest(request, body), wrapped);
            int status = wrapped.getStatus();
            if (status >= 200 && status < 300) {
                jdbc.update("UPDATE idempotency_key SET status = ?, location = ?, body = ? WHERE username = ? AND idem_key = ?",
                        status, wrapped.getHeader("Location"),
                        new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8), user, key);
                remembered = true;
            }
        } finally {
            if (!remembered) {
                jdbc.update("DELETE FROM idempotency_key WHERE username = ? AND idem_key = ?", user, key);
            }
            wrapped.copyBodyToResponse();
        }
    }

    private record Stored(String hash, int status, String location, String body) {
    }

    private static void replay(Stored stored, String hash, HttpServletResponse response) throws IOException {
        if (!stored.hash().equals(hash)) {
            problem(response, 422, "this Idempotency-Key was used for a different request");
            return;
        }
        if (stored.status() == IN_PROGRESS) {
            problem(response, 409, "a request with this Idempotency-Key is being processed");
            return;
        }
        response.setStatus(stored.status());
        if (stored.location() != null) {
            response.setHeader("Location", stored.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(stored.body() == null ? "" : stored.body());
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Idempotency-Key\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"errors\":[{\"field\":\"Idempotency-Key\",\"message\":\"" + detail + "\"}]}");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body was read for hashing; hand it to the controller again. */
    private static final class ReplayableRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final byte[] body;

        ReplayableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
