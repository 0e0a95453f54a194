package vn.partyledger.ops.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Inside the security filter chain, after authentication and around authorisation: sees who the caller is and the
 * final status, including a 403 from the chain itself. Requests without an authenticated ledger user are not logged.
 */
final class AccessLogFilter extends OncePerRequestFilter {

    private final AccessLog log;
    private final Clock clock;
    private final RequestMatcher unlogged;

    /** {@code unlogged}: requests (static files) that are not logged. */
    AccessLogFilter(AccessLog log, Clock clock, RequestMatcher unlogged) {
        this.log = log;
        this.clock = clock;
        this.unlogged = unlogged;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return unlogged.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant start = clock.instant();
        try {
            chain.doFilter(request, response);
        } finally {
            LedgerPrincipal principal = CurrentActor.principal();
            if (principal != null) {
                Grant grant = (Grant) request.getAttribute(CurrentActor.GRANT_ATTRIBUTE);
                Object scope = request.getAttribute(AccessInterceptor.SCOPE_ATTRIBUTE);
                Instant end = clock.instant();
                log.record(new AccessLog.Entry(end, principal.userId(), principal.username(),
                        grant == null ? null : grant.role().name(), grant == null ? null : grant.organizationId(),
                        request.getMethod(), request.getRequestURI(), scope == null ? null : scope.toString(),
                        response.getStatus(), end.toEpochMilli() - start.toEpochMilli()));
            }
        }
    }
}
