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
 * and {@code Retry-After} after a bounded wait. "Applied up to p" means a segment's token is at p or beyond and holds
 * no open gap at or below p, so an event committed after the token passed its position still counts as missing.
 */
@Configuration(proxyBeanMethods = false)
class ReadYourWrites implements WebMvcConfigurer {

    static final String HEADER = "Ledger-Min-Position";
    static final String PARAMETER = "minPosition";

    private final EventProcessingConfiguration processing;
    private final Duration maxWait;

    ReadYourWrites(EventProcessingConfiguration processing,
                   @Value("${ledger.reads.min-position-wait:5s}") Duration maxWait) {
        this.processing = processing;
        this.maxWait = maxWait;
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
        }).addPathPatterns("/api/**");
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
        for (var processor : processing.eventProcessors().values()) {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                continue;   // subscribing lookups change inside the command's own transaction
            }
            for (EventTrackerStatus status : streaming.processingStatus().values()) {
                if (!covers(status.getTrackingToken(), position)) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean covers(TrackingToken token, long position) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current == null) {
            return false;
        }
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && gapAware.getGaps().headSet(position + 1).isEmpty();
        }
        return current.position().orElse(-1) >= position;
    }
}
