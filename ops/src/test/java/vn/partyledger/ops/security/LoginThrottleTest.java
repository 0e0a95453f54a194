package vn.partyledger.ops.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.partyledger.ops.MovableClock;

class LoginThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private final AuthenticationProvider passwords = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            if (!"right".equals(a.getCredentials())) {
                throw new BadCredentialsException("bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> c) {
            return true;
        }
    };

    private final LoginThrottle throttle = new LoginThrottle(passwords, clock, 3, 5, Duration.ofMinutes(15));

    private Authentication login(String user, String password, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        return throttle.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void anAccountIsHeldAfterRepeatedFailuresUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            String address = "10.0.0." + i;
            assertThatThrownBy(() -> login("secretary", "wrong", address)).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login("secretary", "right", "10.0.1.1"))
                .isInstanceOfSatisfying(LoginThrottle.Throttled.class,
                        t -> assertThat(t.retryAfterSeconds()).isEqualTo(15 * 60));
        assertThat(login("other", "right", "10.0.1.1").isAuthenticated()).isTrue();
        clock.advance(Duration.ofMinutes(15));
        assertThat(login("secretary", "right", "10.0.1.1").isAuthenticated()).isTrue();
    }

    @Test
    void anAddressIsHeldAfterFailuresAcrossAccounts() {
        for (int i = 0; i < 5; i++) {
            String user = "user" + i;
            assertThatThrownBy(() -> login(user, "wrong", "192.0.2.7")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login("fresh", "right", "192.0.2.7")).isInstanceOf(LoginThrottle.Throttled.class);
        assertThat(login("fresh", "right", "192.0.2.8").isAuthenticated()).isTrue();
    }

    @Test
    void aSuccessClearsTheAccountsFailures() {
        assertThatThrownBy(() -> login("member", "wrong", "10.1.0.1")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("member", "wrong", "10.1.0.2")).isInstanceOf(BadCredentialsException.class);
        assertThat(login("member", "right", "10.1.0.3").isAuthenticated()).isTrue();
        assertThatThrownBy(() -> login("member", "wrong", "10.1.0.4")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("member", "wrong", "10.1.0.5")).isInstanceOf(BadCredentialsException.class);
        assertThat(login("member", "right", "10.1.0.6").isAuthenticated()).isTrue();
    }
}
