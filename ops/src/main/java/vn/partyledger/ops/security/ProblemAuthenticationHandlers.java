package vn.partyledger.ops.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import vn.partyledger.ops.web.ProblemErrors;

/** 401 and 403 as RFC 9457 problem documents, like every other error of the API. */
@Component
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final boolean basic;

    ProblemAuthenticationHandlers(@Value("${ledger.security.mode:basic}") String mode) {
        this.basic = !"jwt".equals(mode);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottle.Throttled throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            ProblemErrors.write(response, 429, throttled.getMessage());
            return;
        }
        response.setHeader("WWW-Authenticate", basic ? "Basic realm=\"ledger\"" : "Bearer");
        ProblemErrors.write(response, 401, "authentication is required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemErrors.write(response, 403, e.getMessage());
    }
}
