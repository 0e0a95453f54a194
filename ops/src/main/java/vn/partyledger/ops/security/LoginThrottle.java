package vn.partyledger.ops.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows password guessing: after {@code perAccount} failed logins of one account, or {@code perAddress} from one client
 * address, within {@code window}, further attempts are refused (429 with Retry-After) without checking the password,
 * until the oldest failure leaves the window. A success clears the account's failures. Kept in memory per node: a
 * restart forgets, which only gives a guesser one more window.
 */
final class LoginThrottle implements AuthenticationProvider {

    private static final int MAX_KEYS = 100_000;

    private final AuthenticationProvider delegate;
    private final Clock clock;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** 429: too many failed logins; {@code retryAfter} says when the next attempt is looked at. */
    static final class Throttled extends AuthenticationException {
        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("too many failed logins; retry later");
            this.retryAfter = retryAfter;
        }

        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    LoginThrottle(AuthenticationProvider delegate, Clock clock, int perAccount, int perAddress, Duration window) {
        this.delegate = delegate;
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        Instant now = clock.instant();
        String account = "account:" + request.getName().toLowerCase(Locale.ROOT);
        String address = "address:" + remoteAddress();
        check(account, perAccount, now);
        check(address, perAddress, now);
        try {
            Authentication result = delegate.authenticate(request);
            failures.remove(account);
            return result;
        } catch (AuthenticationException failed) {
            fail(account, now);
            fail(address, now);
            throw failed;
        }
    }

    private void check(String key, int limit, Instant now) {
        Deque<Instant> seen = failures.get(key);
        if (seen == null) {
            return;
        }
        synchronized (seen) {
            while (!seen.isEmpty() && !seen.peekFirst().plus(window).isAfter(now)) {
                seen.pollFirst();
            }
            if (seen.size() >= limit) {
                throw new Throttled(Duration.between(now, seen.peekFirst().plus(window)));
            }
        }
    }

    private void fail(String key, Instant now) {
        if (failures.size() >= MAX_KEYS) {
            failures.entrySet().removeIf(e -> e.getValue().isEmpty()
                    || !e.getValue().peekLast().plus(window).isAfter(now));
        }
        Deque<Instant> seen = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (seen) {
            seen.addLast(now);
        }
    }

    private static String remoteAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
