package vn.partyledger.ops.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint but health needs authentication, the API documentation included (the browser asks for the
 * Basic credentials once). HTTP Basic against the ledger's own
 * accounts is the embedded default; {@code ledger.security.mode=jwt} makes the service an OAuth2 resource server whose
 * tokens carry the grants in a {@code ledger_grants} claim ({@code "ROLE"} or {@code "ROLE:organizationId"}).
 * The web dashboard's pages ({@code /}, {@code /web/**}) have a chain of their own, checked first: form login against
 * the same accounts, a session and CSRF tokens on every form; the API's chain is unchanged (stateless, no CSRF).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserAccounts accounts) {
        return username -> accounts.findByUsername(username)
                .map(a -> new LedgerUserDetails(new LedgerPrincipal(a.id(), a.username(), a.grants()), a.passwordHash(),
                        a.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "basic", matchIfMissing = true)
    SecurityFilterChain basicSecurity(HttpSecurity http, ProblemAuthenticationHandlers problems,
                                      UserDetailsService users, PasswordEncoder passwords, Clock clock) throws Exception {
        common(http, problems);
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwords);
        http.authenticationManager(new ProviderManager(new VerifiedCredentials(bcrypt, clock)));
        http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        return http.build();
    }

    /** Browser pages: the same accounts and grants as the API, logged in once per session through a form. */
    @Bean
    @Order(1)
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "basic", matchIfMissing = true)
    SecurityFilterChain webPages(HttpSecurity http, UserDetailsService users, PasswordEncoder passwords, Clock clock)
            throws Exception {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwords);
        http.securityMatcher("/", "/web/**", "/login", "/logout", "/css/**", "/js/**")
                .authenticationManager(new ProviderManager(new VerifiedCredentials(bcrypt, clock)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/web/organizations", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "jwt")
    SecurityFilterChain jwtSecurity(HttpSecurity http, ProblemAuthenticationHandlers problems, UserAccounts accounts)
            throws Exception {
        common(http, problems);
        http.oauth2ResourceServer(rs -> rs.authenticationEntryPoint(problems)
                .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtToLedgerPrincipal(accounts))));
        return http.build();
    }

    private static void common(HttpSecurity http, ProblemAuthenticationHandlers problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.disable())
                .logout(Customizer.withDefaults());
    }

    /** Maps a verified JWT to the ledger principal; grants come from the token, the user id from the account if any. */
    static final class JwtToLedgerPrincipal implements Converter<Jwt, AbstractAuthenticationToken> {
        private final UserAccounts accounts;

        JwtToLedgerPrincipal(UserAccounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            String username = jwt.getClaimAsString("preferred_username") != null
                    ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
            List<Grant> grants = new ArrayList<>();
            List<String> claimed = jwt.getClaimAsStringList("ledger_grants");
            if (claimed != null) {
                for (String g : claimed) {
                    String[] parts = g.split(":", 2);
                    grants.add(new Grant(Role.valueOf(parts[0]), parts.length > 1 ? parts[1] : null));
                }
            }
            String userId = accounts.findByUsername(username).map(UserAccounts.Account::id).orElse(jwt.getSubject());
            LedgerPrincipal principal = new LedgerPrincipal(userId, username, grants);
            return UsernamePasswordAuthenticationToken.authenticated(principal, jwt, LedgerUserDetails.authorities(grants));
        }
    }
}
