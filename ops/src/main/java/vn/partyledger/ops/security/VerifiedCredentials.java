package vn.partyledger.ops.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic sends the password with every request, and checking a bcrypt hash costs ~80 ms of CPU by design: on two
 * cores that alone capped the service near 20 requests per second. A successful check is remembered for a short time,
 * keyed by the user name and a keyed hash of the password (never the password itself), so a client's next requests
 * skip bcrypt. A wrong password is never remembered; a password or grant change through the API forgets the user's
 * entries at once ({@link UserAccounts.AccountChanged}), anything else (a disabled account) takes effect within
 * {@link #TTL}.
 *
 * <p>An entry in the last {@link #REFRESH_AHEAD} of its life still answers, and is checked against bcrypt again on a
 * background thread: a client that keeps sending requests never waits for bcrypt after its first one (before, one of its
 * requests every two minutes took ~80 ms longer, the slowest of a dashboard's reads). No entry answers for longer than
 * {@link #TTL} after its last successful check, and a failed check forgets it, so a disabled account is still refused
 * within the same bound.
 */
class VerifiedCredentials implements AuthenticationProvider {

    static final Duration TTL = Duration.ofMinutes(2);
    static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    /** Raised by every change of an account: a background check that began before it must not store its result. */
    private final AtomicLong changes = new AtomicLong();
    private final Executor refresher;

    private record Entry(Authentication authentication, Instant expires) {
    }

    VerifiedCredentials(AuthenticationProvider delegate, Clock clock) {
        this(delegate, clock, backgroundChecks());
    }

    VerifiedCredentials(AuthenticationProvider delegate, Clock clock, Executor refresher) {
        this.delegate = delegate;
        this.clock = clock;
        this.refresher = refresher;
        new SecureRandom().nextBytes(key);
    }

    /** One daemon thread, a bounded queue: a check that finds it full is simply asked for again by a later request. */
    private static Executor backgroundChecks() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(64), r -> {
            Thread t = new Thread(r, "credentials-refresh");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        if (!(request.getCredentials() instanceof String password)) {
            return delegate.authenticate(request);
        }
        if (PasswordRules.tooLongForBcrypt(password)) {
            // no stored password is this long, and bcrypt would throw instead of answering "no"
            throw new BadCredentialsException("Bad credentials");
        }
        String id = request.getName() + '\u0000' + fingerprint(password);
        Instant now = clock.instant();
        Entry entry = verified.get(id);
        if (entry != null && entry.expires().isAfter(now)) {
            if (!entry.expires().isAfter(now.plus(REFRESH_AHEAD))) {
                checkAgainInBackground(id, request.getName(), password);
            }
            return entry.authentication();
        }
        long changesBefore = changes.get();
        Authentication result = delegate.authenticate(request);
        remember(id, result, changesBefore);
        return result;
    }

    private void checkAgainInBackground(String id, String username, String password) {
        if (!refreshing.add(id)) {
            return;
        }
        long changesBefore = changes.get();
        try {
            refresher.execute(() -> {
                try {
                    remember(id, delegate.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username,
                            password)), changesBefore);
                } catch (RuntimeException refused) {
                    // wrong now (password changed elsewhere, account disabled or gone): the next request checks again
                    verified.remove(id);
                } finally {
                    refreshing.remove(id);
                }
            });
        } catch (RejectedExecutionException busy) {
            refreshing.remove(id);
        }
    }

    private void remember(String id, Authentication result, long changesBefore) {
        if (result == null || !result.isAuthenticated()) {
            verified.remove(id);
            return;
        }
        Instant now = clock.instant();
        if (verified.size() >= MAX_ENTRIES) {
            verified.entrySet().removeIf(e -> !e.getValue().expires().isAfter(now));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(id, new Entry(result, now.plus(TTL)));
        if (changes.get() != changesBefore) {
            // an account changed while bcrypt ran: its answer may predate the change
            verified.remove(id);
        }
    }

    @EventListener
    void forget(UserAccounts.AccountChanged change) {
        changes.incrementAndGet();
        String prefix = change.username() + '\u0000';
        verified.keySet().removeIf(id -> id.startsWith(prefix));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String fingerprint(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
            String hex = java.util.HexFormat.of().formatHex(digest);
            Arrays.fill(digest, (byte) 0);
            return hex;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
