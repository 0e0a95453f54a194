package vn.partyledger.ops.storage;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells Axon when an append failed because another node stored the same aggregate sequence number first, so it
 * raises a concurrency conflict (409) instead of a generic failure. Axon's default resolver looks at vendor error
 * codes, which PostgreSQL leaves at 0 inside a batch; PostgreSQL's SQLSTATE 23505 (unique_violation) is reliable,
 * and may sit in a batch exception's chain of next exceptions. A deadlock (40P01) or serialization failure (40001)
 * between two simultaneous commands is the same kind of lost race: the loser stored nothing and may retry.
 */
@Configuration(proxyBeanMethods = false)
class DuplicateKeyResolver {

    static final String UNIQUE_VIOLATION = "23505";
    static final java.util.Set<String> LOST_RACE = java.util.Set.of(UNIQUE_VIOLATION, "40P01", "40001");

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return DuplicateKeyResolver::isUniqueViolation;
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (e.getSQLState() != null && LOST_RACE.contains(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
