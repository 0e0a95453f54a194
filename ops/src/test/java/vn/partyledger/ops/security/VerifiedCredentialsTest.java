package vn.partyledger.ops.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import vn.partyledger.ops.MovableClock;

class VerifiedCredentialsTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private String currentPassword = "right-password";
    /** The background checks, run when the test says so. */
    private final List<Runnable> background = new ArrayList<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private final AuthenticationProvider bcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            bcryptChecks.incrementAndGet();
            if (!currentPassword.equals(a.getCredentials())) {
                throw new BadCredentialsException("bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> c) {
            return true;
        }
    };

    private final VerifiedCredentials cache = new VerifiedCredentials(bcrypt, clock, background::add);

    private static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("secretary", password);
    }

    @Test
    void aVerifiedPasswordSkipsBcryptUntilItExpires() {
        cache.authenticate(login("right-password"));
        cache.authenticate(login("right-password"));
        assertThat(bcryptChecks).hasValue(1);

        clock.advance(VerifiedCredentials.TTL.plusSeconds(1));
        cache.authenticate(login("right-password"));
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverRemembered() {
        cache.authenticate(login("right-password"));
        assertThatThrownBy(() -> cache.authenticate(login("wrong-password"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(login("wrong-password"))).isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).hasValue(3);
    }

    /** A first request checks the password; another comes in the last seconds of the entry's life. */
    private void verifiedThenUsedNearItsEnd() {
        cache.authenticate(login("right-password"));
        clock.advance(VerifiedCredentials.TTL.minus(VerifiedCredentials.REFRESH_AHEAD).plusSeconds(1));
        cache.authenticate(login("right-password"));
    }

    @Test
    void anEntryNearItsEndKeepsAnsweringWhileBcryptChecksItAgainInTheBackground() {
        verifiedThenUsedNearItsEnd();
        cache.authenticate(login("right-password"));
        assertThat(bcryptChecks).as("the request did not wait for bcrypt").hasValue(1);
        assertThat(background).as("one background check, however many requests").hasSize(1);

        background.remove(0).run();
        assertThat(bcryptChecks).hasValue(2);
        clock.advance(VerifiedCredentials.TTL.minusSeconds(1));
        cache.authenticate(login("right-password"));
        assertThat(bcryptChecks).as("the entry lives a TTL from its last check").hasValue(2);
    }

    @Test
    void aBackgroundCheckThatFailsForgetsTheEntry() {
        verifiedThenUsedNearItsEnd();
        currentPassword = "changed-elsewhere";
        background.remove(0).run();

        assertThatThrownBy(() -> cache.authenticate(login("right-password"))).isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void aBackgroundCheckThatOverlapsAnAccountChangeIsNotRemembered() {
        verifiedThenUsedNearItsEnd();
        cache.forget(new UserAccounts.AccountChanged("secretary"));
        background.remove(0).run();

        cache.authenticate(login("right-password"));
        assertThat(bcryptChecks).as("checked again after the change").hasValue(3);
    }
}
