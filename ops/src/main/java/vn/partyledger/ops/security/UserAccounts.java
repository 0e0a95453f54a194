package vn.partyledger.ops.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and grants, stored in the ledger's database with bcrypt-hashed passwords. */
@Repository
public class UserAccounts {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    UserAccounts(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    /** Published after a password or grant change: remembered credentials of the user are forgotten at once. */
    public record AccountChanged(String username) {
    }

    public record Account(String id, String username, String fullName, boolean enabled, String passwordHash,
                          List<Grant> grants) {
    }

    public boolean isEmpty() {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM ledger_user", Integer.class);
        return n == null || n == 0;
    }

    /** @throws DuplicateKeyException when the username is taken */
    @Transactional
    public String create(String username, String rawPassword, String fullName, List<Grant> grants, String grantedBy) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO ledger_user (id, username, password_hash, full_name) VALUES (?, ?, ?, ?)",
                id, username, passwordEncoder.encode(rawPassword), fullName);
        record(id, "ACCOUNT_CREATED", null, grantedBy);
        grants.forEach(g -> grant(id, g, grantedBy));
        return id;
    }

    @Transactional
    public void grant(String userId, Grant grant, String grantedBy) {
        int added = jdbc.update("""
                INSERT INTO ledger_grant (user_id, role, organization_id, granted_by) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", userId, grant.role().name(), grant.organizationId(), grantedBy);
        if (added > 0) {
            record(userId, "GRANTED", grant, grantedBy);
            changed(userId);
        }
    }

    /** @return false when the user held no such grant */
    @Transactional
    public boolean revoke(String userId, Grant grant, String revokedBy) {
        int removed = jdbc.update("DELETE FROM ledger_grant WHERE user_id = ? AND role = ? AND organization_id IS NOT DISTINCT FROM ?",
                userId, grant.role().name(), grant.organizationId());
        if (removed > 0) {
            record(userId, "REVOKED", grant, revokedBy);
            changed(userId);
        }
        return removed > 0;
    }

    @Transactional
    public void changePassword(String userId, String rawPassword, String changedBy) {
        jdbc.update("UPDATE ledger_user SET password_hash = ? WHERE id = ?", passwordEncoder.encode(rawPassword), userId);
        record(userId, "PASSWORD_CHANGED", null, changedBy);
        changed(userId);
    }

    public record GrantChange(java.time.Instant at, String change, String role, String organizationId,
                              String changedBy) {
    }

    public List<GrantChange> history(String userId) {
        return jdbc.query("""
                SELECT changed_at, change, role, organization_id, changed_by FROM ledger_grant_change
                WHERE user_id = ? ORDER BY id""", (rs, i) -> new GrantChange(rs.getTimestamp(1).toInstant(),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), userId);
    }

    private void record(String userId, String change, Grant grant, String by) {
        jdbc.update("INSERT INTO ledger_grant_change (user_id, change, role, organization_id, changed_by) VALUES (?, ?, ?, ?, ?)",
                userId, change, grant == null ? null : grant.role().name(), grant == null ? null : grant.organizationId(), by);
    }

    private void changed(String userId) {
        jdbc.query("SELECT username FROM ledger_user WHERE id = ?", (rs, i) -> rs.getString(1), userId)
                .forEach(username -> events.publishEvent(new AccountChanged(username)));
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.query("SELECT id FROM ledger_user WHERE username = ?", (rs, i) -> rs.getString(1), username)
                .stream().findFirst().flatMap(this::findById);
    }

    public Optional<Account> findById(String id) {
        List<Grant> grants = jdbc.query("SELECT role, organization_id FROM ledger_grant WHERE user_id = ? ORDER BY id",
                (rs, i) -> new Grant(Role.valueOf(rs.getString(1)), rs.getString(2)), id);
        return jdbc.query("SELECT id, username, full_name, enabled, password_hash FROM ledger_user WHERE id = ?",
                (rs, i) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), grants), id).stream().findFirst();
    }
}
