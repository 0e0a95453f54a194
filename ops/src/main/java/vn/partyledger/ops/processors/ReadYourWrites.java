package vn.partyledger.ops.processors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.partyledger.ops.web.BadParameterException;
import vn.partyledger.ops.web.StaleReadException;

/**
 * Read-your-writes: a read that sends {@code Ledger-Min-Position} (or {@code minPosition=}) — the position a command
 * answered with — is answered only once every read model on this node has applied everything up to it, or with a 503
 * and {@code Retry-After} after a bounded wait. "Applied up to p" means a segment's token is at p or beyond and none of
 * its gaps at or below p is a stored event: an event committed after the token passed its position still counts as
 * missing, while a position that is still empty (rolled back, or another writer's transaction still open) cannot
 * hold the reader's own write, which was committed before its answer named p.
 */
@Configuration(proxyBeanMethods = false)
class ReadYourWrites implements WebMvcConfigurer {

    static final String HEADER = "Ledger-Min-Position";
    static final String PARAMETER = "minPosition";

    private final EventProcessingConfiguration processing;
    private final Duration maxWait;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    ReadYourWrites(EventProcessingConfiguration processing,
                   @Value("${ledger.reads.min-position-wait:5s}") Duration maxWait,
                   org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.processing = processing;
        this.maxWait = maxWait;
        this.jdbc = jdbc;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws InterruptedException {
                if (!HttpMethod.GET.matches(request.getMethod())) {
                    return true;
                }
                String raw = request.getHeader(HEADER);
                String name = HEADER;
                if (raw == null) {
                    raw = request.getParameter(PARAMETER);
                    name = PARAMETER;
                }
                if (raw == null) {
                    return true;
                }
                long position;
                try {
                    position = Long.parseLong(raw.trim());
                } catch (NumberFormatException e) {
                    throw new BadParameterException(name, "must be a whole number (a Ledger-Position)");
                }
                if (position < 0) {
                    throw new BadParameterException(name, "must not be negative");
                }
                awaitPosition(position);
                return true;
            }
        // web pages too: a form's redirect names the position of what it stored, so the next page shows it
        }).addPathPatterns("/api/**", "/web/**");
    }

    void awaitPosition(long position) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!reached(position)) {
            if (System.nanoTime() > deadline) {
                throw new StaleReadException(position, Math.max(1, maxWait.toSeconds()));
            }
            Thread.sleep(20);
        }
    }

    /** Segments another node holds are not judged here: they share the database and move on over there. */
    boolean reached(long position) {
        java.util.Set<Long> openGaps = new java.util.TreeSet<>();
        for (var processor : processing.eventProcessors().values()) {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                continue;   // subscribing lookups change inside the command's own transaction
            }
            for (EventTrackerStatus status : streaming.processingStatus().values()) {
                TrackingToken current = WrappedToken.unwrapLowerBound(status.getTrackingToken());
                if (!covers(current, position)) {
                    return false;
                }
                if (current instanceof GapAwareTrackingToken gapAware) {
                    openGaps.addAll(gapAware.getGaps().headSet(position + 1));
                }
            }
        }
        return openGaps.isEmpty() || !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domainevententry WHERE globalindex = ANY (?))", Boolean.class,
                (Object) openGaps.toArray(new Long[0])));
    }

    /** At or past the position; its gaps are judged by {@link #reached}. */
    static boolean covers(TrackingToken current, long position) {
        if (current == null) {
            return false;
        }
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position;
        }
        return current.position().orElse(-1) >= position;
    }
}
