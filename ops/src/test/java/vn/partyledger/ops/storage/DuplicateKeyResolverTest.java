package vn.partyledger.ops.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DuplicateKeyResolverTest {

    @Test
    void uniqueViolationInsideABatchIsAConcurrencyConflict() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO DomainEventEntry", null, 0,
                new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(DuplicateKeyResolver.isUniqueViolation(new RuntimeException("append failed", batch))).isTrue();
    }

    @Test
    void otherIntegrityErrorsAreNotConflicts() {
        assertThat(DuplicateKeyResolver.isUniqueViolation(new SQLException("null value in column", "23502"))).isFalse();
        assertThat(DuplicateKeyResolver.isUniqueViolation(new IllegalStateException("no sql at all"))).isFalse();
    }
}
