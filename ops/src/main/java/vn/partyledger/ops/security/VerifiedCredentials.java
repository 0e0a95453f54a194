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
import java.util.concurrent.ConcurrentHashMap;
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
 */
class VerifiedCredentials implements AuthenticationProvider {

    static final Duration TTL = Duration.ofMinutes(2);
    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    private record Entry(Authentication authentication, Instant expires) {
    }

    VerifiedCredentials(AuthenticationProvider delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
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
            return entry.authentication();
        }
        Authentication result = delegate.authenticate(request);
        if (result != null && result.isAuthenticated()) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.entrySet().removeIf(e -> !e.getValue().expires().isAfter(now));
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
            }
            verified.put(id, new Entry(result, now.plus(TTL)));
        }
        return result;
    }

    @EventListener
    void forget(UserAccounts.AccountChanged change) {
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
