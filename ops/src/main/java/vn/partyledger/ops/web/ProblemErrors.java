package vn.partyledger.ops.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Errors raised before a controller runs answer problem+json too, whoever raises them: Tomcat's connector (bad
 * percent-encoding, oversized headers: its error report valve is replaced), the servlet container's error dispatch
 * (Spring Security's firewall, a status set by a filter: {@code /error} is this controller, open to everyone), and
 * bodies declared larger than the limit (refused before they are read).
 */
@Configuration(proxyBeanMethods = false)
public class ProblemErrors {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A problem document titled by the status's reason phrase, its detail escaped as JSON (Jackson writes it). */
    public static void write(HttpServletResponse response, int status, String detail) throws IOException {
        send(response, problem(status, detail));
    }

    private static void send(HttpServletResponse response, ObjectNode problem) throws IOException {
        response.setStatus(problem.path("status").asInt());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem.toString());
    }

    static String body(int status, String detail) {
        return problem(status, detail).toString();
    }

    private static ObjectNode problem(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        ObjectNode pd = JSON.createObjectNode().put("type", "about:blank")
                .put("title", known == null ? "Error" : known.getReasonPhrase()).put("status", status);
        if (detail != null) {
            pd.put("detail", detail);
        }
        return pd;
    }

    /** A 400 naming the parameter, in the shape the controllers' refusals have ({@code errors: [{field, message}]}). */
    static void refuse(HttpServletResponse response, QueryText.Refusal refusal) throws IOException {
        ObjectNode pd = problem(400, refusal.field() + ": " + refusal.message()).put("title", "Invalid request");
        pd.putArray("errors").addObject().put("field", refusal.field()).put("message", refusal.message());
        send(response, pd);
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Before Spring Security's filters, so that every later step sees the cached body (and a 413 costs nothing). */
    @Bean
    FilterRegistrationBean<BodyLimit> bodyLimit(@Value("${ledger.input.max-body-bytes:1048576}") long maxBodyBytes) {
        FilterRegistrationBean<BodyLimit> registration = new FilterRegistrationBean<>(new BodyLimit(maxBodyBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Replaces Tomcat's HTML error page for errors of the connector itself (the request never reached Spring). */
    public static final class ProblemReportValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body(status, status == 400 ? "the request is malformed" : null));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone; nothing left to tell the client
            }
        }
    }

    /**
     * A query string that is not well-formed UTF-8 text ({@link QueryText}): 400 naming the parameter. {@code
     * Content-Length} above the limit: 413 before anything reads the body. A body of any other type than
     * {@code application/json} in UTF-8: 415, whichever converter might otherwise have read it. Any other body is read
     * here, once, within the limit (a chunked body declares no length) and handed on as a {@link CachedBody}.
     */
    static final class BodyLimit extends OncePerRequestFilter {
        private final long max;

        BodyLimit(long max) {
            this.max = max;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() > max) {
                write(response, 413, "the body is larger than " + max + " bytes");
                return;
            }
            Optional<QueryText.Refusal> query = QueryText.refusal(request.getQueryString());
            if (query.isPresent()) {
                refuse(response, query.get());
                return;
            }
            boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
            if (!request.getRequestURI().startsWith("/api/")) {
                // web pages post forms (and the roll import a file): same size limit, same text rules per field
                HttpServletRequest checked;
                try {
                    checked = hasBody ? WebFormText.checked(request) : request;
                } catch (IllegalArgumentException refused) {
                    write(response, 400, refused.getMessage());
                    return;
                }
                chain.doFilter(checked, response);
                return;
            }
            if (hasBody && !StrictJson.Converter.isJson(request.getContentType())) {
                write(response, 415, "send application/json (UTF-8)");
                return;
            }
            if (!hasBody) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body;
            try {
                body = StrictJson.readLimited(request.getInputStream(), (int) max);
            } catch (StrictJson.BodyTooLargeException e) {
                write(response, 413, e.getMessage());
                return;
            }
            chain.doFilter(new CachedBody(request, body), response);
        }
    }

    /**
     * Web form fields obey the API's text rules ({@link StrictText#check}): a field with a control character or a lone
     * surrogate is refused (400 naming it, nothing stored), every other value is handed on NFC-normalised.
     */
    static final class WebFormText extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final java.util.Map<String, String[]> parameters;

        private WebFormText(HttpServletRequest request, java.util.Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        static HttpServletRequest checked(HttpServletRequest request) throws java.io.UnsupportedEncodingException {
            String type = request.getContentType();
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                return request;   // a file upload (the roll import) checks each row it reads itself
            }
            if (request.getCharacterEncoding() == null) {
                // this runs before Spring's encoding filter: the pages send UTF-8, never the servlet default Latin-1
                request.setCharacterEncoding("UTF-8");
            }
            java.util.Map<String, String[]> normalised = new java.util.LinkedHashMap<>();
            for (var e : request.getParameterMap().entrySet()) {
                String[] values = new String[e.getValue().length];
                for (int i = 0; i < values.length; i++) {
                    try {
                        values[i] = StrictText.check(e.getValue()[i], false);
                    } catch (IllegalArgumentException refused) {
                        throw new IllegalArgumentException(e.getKey() + ": " + refused.getMessage());
                    }
                }
                normalised.put(e.getKey(), values);
            }
            return new WebFormText(request, java.util.Collections.unmodifiableMap(normalised));
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public java.util.Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return java.util.Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }

    /** The container's error dispatch, for errors no exception handler saw. */
    @Controller
    static final class ProblemErrorController implements ErrorController {
        @RequestMapping("/error")
        void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            // no status: a client asked for /error itself
            int status = code instanceof Integer i && i >= 400 ? i : 404;
            String detail = switch (status) {
                case 400 -> "the request is malformed";
                case 401 -> "authentication is required";
                case 403 -> "forbidden";
                case 404 -> "no such resource";
                case 405 -> "method not allowed";
                case 413 -> "the request is too large";
                default -> status >= 500 ? "the ledger could not complete the request; nothing was stored" : null;
            };
            response.resetBuffer();
            write(response, status, detail);
        }
    }
}
