package vn.partyledger.ops.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
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
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

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

    /**
     * No Micrometer observation of each of Spring Security's filters, authentications and authorizations: they were
     * about 6% of a command's CPU in its request thread (profiled, bench/README) and no dashboard or alert reads them.
     * The request as a whole is still observed ({@code http_server_requests}) and the access log records every one.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

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

    /** A bean so that it hears of password and grant changes (and forgets the user's remembered credentials). */
    @Bean
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "basic", matchIfMissing = true)
    VerifiedCredentials verifiedCredentials(UserDetailsService users, PasswordEncoder passwords, Clock clock) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwords);
        return new VerifiedCredentials(bcrypt, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "basic", matchIfMissing = true)
    SecurityFilterChain basicSecurity(HttpSecurity http, ProblemAuthenticationHandlers problems,
                                      VerifiedCredentials verified, Clock clock, AccessLog accessLog,
                                      @Value("${ledger.login.max-failures-per-account:5}") int perAccount,
                                      @Value("${ledger.login.max-failures-per-address:50}") int perAddress,
                                      @Value("${ledger.login.failure-window:PT15M}") Duration window) throws Exception {
        common(http, problems, accessLog, clock);
        http.authenticationManager(new ProviderManager(
                new LoginThrottle(verified, clock, perAccount, perAddress, window)));
        http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        return http.build();
    }

    /** The dashboard's style sheets, scripts and web jars: open to anyone, and no read of the ledger. */
    private static final String[] STATIC_FILES = {"/css/**", "/js/**", "/webjars/**"};

    /** Browser pages: the same accounts and grants as the API, logged in once per session through a form. */
    @Bean
    @Order(1)
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "basic", matchIfMissing = true)
    SecurityFilterChain webPages(HttpSecurity http, UserDetailsService users, PasswordEncoder passwords, Clock clock,
                                 AccessLog accessLog) throws Exception {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwords);
        // A page or an export is a read of the ledger like the API's: logged with who asked and the answer's status.
        // The style sheets and scripts a logged-in browser fetches with each page are not.
        RequestMatcher staticFile = new OrRequestMatcher(Stream.of(STATIC_FILES)
                .<RequestMatcher>map(PathPatternRequestMatcher.withDefaults()::matcher).toList());
        http.addFilterBefore(new AccessLogFilter(accessLog, clock, staticFile), ExceptionTranslationFilter.class);
        http.securityMatcher(Stream.concat(Stream.of("/", "/web/**", "/login", "/logout"), Stream.of(STATIC_FILES))
                        .toArray(String[]::new))
                .authenticationManager(new ProviderManager(new VerifiedCredentials(bcrypt, clock)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login").permitAll()
                        .requestMatchers(staticFile).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/web/organizations", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "jwt")
    SecurityFilterChain jwtSecurity(HttpSecurity http, ProblemAuthenticationHandlers problems, AccessLog accessLog,
                                    Clock clock) throws Exception {
        common(http, problems, accessLog, clock);
        http.oauth2ResourceServer(rs -> rs.authenticationEntryPoint(problems)
                .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtToLedgerPrincipal())));
        return http.build();
    }

    /** A URL the firewall refuses (encoded %, /, NUL, …) is a client error: 400 problem+json, never a 401 or 500. */
    @Bean
    RequestRejectedHandler problemOnRejectedRequest() {
        return (request, response, e) -> {
            response.setStatus(400);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                    + "\"detail\":\"the request URL is not allowed\"}");
        };
    }

    /**
     * For the server-rendered pages to come: scripts and everything else only from this origin (a small same-origin
     * script file, no inline script), no framing, no plugins; inline styles stay allowed for Swagger UI.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    private static void common(HttpSecurity http, ProblemAuthenticationHandlers problems, AccessLog accessLog,
                               Clock clock) throws Exception {
        http.addFilterBefore(new AccessLogFilter(accessLog, clock, request -> false), ExceptionTranslationFilter.class);
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(f -> f.deny())
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                        "camera=(), microphone=(), geolocation=(), payment=()"))
                .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> auth
                        // the error dispatch renders a problem document for an answer already decided
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // actuator and Swagger UI's files are no controller methods: the access table cannot see them
                        .requestMatchers("/actuator/**", "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**",
                                "/v3/api-docs", "/v3/api-docs.yaml").hasAuthority(LedgerUserDetails.MONITOR)
                        .anyRequest().authenticated())
                .formLogin(form -> form.disable())
                .logout(Customizer.withDefaults());
    }

    /**
     * Maps a verified JWT to the ledger principal. The actor is the token's issuer and subject, which the identity
     * provider vouches for; display claims such as {@code preferred_username} are user-settable at many providers and
     * would let a token holder be recorded as someone else. Grants come from the {@code ledger_grants} claim; an
     * unknown role in it is ignored rather than failing the request.
     */
    static final class JwtToLedgerPrincipal implements Converter<Jwt, AbstractAuthenticationToken> {

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            String actor = jwt.getIssuer() == null ? jwt.getSubject() : jwt.getIssuer() + "#" + jwt.getSubject();
            List<Grant> grants = new ArrayList<>();
            List<String> claimed = jwt.getClaimAsStringList("ledger_grants");
            if (claimed != null) {
                for (String g : claimed) {
                    String[] parts = g.split(":", 2);
                    try {
                        grants.add(new Grant(Role.valueOf(parts[0]), parts.length > 1 ? parts[1] : null));
                    } catch (IllegalArgumentException unknownRole) {
                        // a grant this ledger does not know gives nothing
                    }
                }
            }
            LedgerPrincipal principal = new LedgerPrincipal(actor, actor, grants);
            return UsernamePasswordAuthenticationToken.authenticated(principal, jwt, LedgerUserDetails.authorities(grants));
        }
    }
}
