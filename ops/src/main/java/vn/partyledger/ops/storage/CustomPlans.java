package vn.partyledger.ops.storage;

import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every read of the query bus (and the histories, which read without it) in a read-only transaction whose
 * statements PostgreSQL plans for the values they are given, every time.
 *
 * <p>The driver prepares a statement on the server once it has run five times, and from the sixth run on PostgreSQL
 * may keep one generic plan for every value. A read of a commune and the same read of a province then share a plan
 * built without knowing the size of the list of organisations it is given ({@code = any(:orgs)}): the province's
 * target compliance at 10 M events answered in 2.7 s five times, then took over a minute each time after. The price,
 * planning each statement and the transaction around it: a dossier's p50 rose from 1.3–1.8 ms to 1.9–2.0 ms in a
 * probe (62,000 members, 398,000 events; two rounds of 2,000 reads each way). The command side and the read models
 * keep their cached plans.
 */
@Component
public class CustomPlans {

    private final TransactionTemplate readOnly;
    private final JdbcTemplate jdbc;

    public CustomPlans(PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.jdbc = jdbc;
    }

    /** {@code body}'s statements, planned for their values, in one read-only transaction. */
    public <T> T read(Supplier<T> body) {
        return readOnly.execute(status -> {
            jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            return body.get();
        });
    }
}
