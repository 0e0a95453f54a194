package vn.partyledger.ops.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** Spring Security's view of a ledger account, carrying the {@link LedgerPrincipal}. */
record LedgerUserDetails(LedgerPrincipal principal, String passwordHash, boolean enabled) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(principal.grants());
    }

    /** Spring Security sees one authority per role, and {@link #MONITOR} for whoever may read metrics. */
    static List<SimpleGrantedAuthority> authorities(List<Grant> grants) {
        java.util.stream.Stream<SimpleGrantedAuthority> roles = grants.stream()
                .map(g -> new SimpleGrantedAuthority("ROLE_" + g.role().name()));
        java.util.stream.Stream<SimpleGrantedAuthority> monitor = grants.stream()
                .filter(g -> g.role() == Role.MONITORING || (g.role() == Role.OPERATOR && g.global()))
                .map(g -> new SimpleGrantedAuthority(MONITOR));
        return java.util.stream.Stream.concat(roles, monitor).distinct().toList();
    }

    static final String MONITOR = "LEDGER_MONITOR";

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return principal.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
