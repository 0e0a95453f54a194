package vn.partyledger.ops.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
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

    UserAccounts(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
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
        grants.forEach(g -> grant(id, g, grantedBy));
        return id;
    }

    public void grant(String userId, Grant grant, String grantedBy) {
        jdbc.update("""
                INSERT INTO ledger_grant (user_id, role, organization_id, granted_by) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", userId, grant.role().name(), grant.organizationId(), grantedBy);
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
