package vn.partyledger.ops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void aDatabaseThatWentAwayIsAnswered503WithRetryAfterNotAsOurBug() {
        for (Exception e : new Exception[] {
                new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001")),
                new CommandExecutionException("append failed",
                        new RuntimeException(new SQLException("terminating connection due to crash", "57P02"))),
                new IllegalStateException(new java.sql.SQLTransientConnectionException("pool timed out")),
                commitAndRollbackFailed(),
                // the commit's failure only logged by Spring: the rollback's on the connection Hikari closed
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))}) {
            ResponseEntity<ProblemDetail> answer = handler.unexpected(e);
            assertThat(answer.getStatusCode().value()).as(e.toString()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(answer.getBody().getDetail()).contains("may or may not have been stored");
        }
    }

    /** What Spring throws when the connection broke during the commit: the rollback's failure, with no SQLSTATE. */
    private static TransactionSystemException commitAndRollbackFailed() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new TransactionSystemException("Could not commit JDBC transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        return rollback;
    }

    @Test
    void aReadTheQueryBusGaveUpOnIsAnswered503WithRetryAfterNotAsOurBug() {
        ResponseEntity<ProblemDetail> answer = handler.queryFailed(new CompletionException(
                new AxonTimeoutException("UnitOfWork of SimpleQueryBus has timed out.")));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
        assertThat(answer.getBody().getTitle()).isEqualTo("Read took too long");
        assertThat(handler.queryFailed(new CompletionException(new IllegalStateException("bug"))).getStatusCode()
                .value()).isEqualTo(500);
    }

    @Test
    void otherFailuresOfTheDatabaseStay500() {
        TransactionSystemException rollbackAfterSyntaxError = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackAfterSyntaxError.initApplicationException(new SQLException("syntax error", "42601"));
        for (Exception e : new Exception[] {
                new IllegalStateException(new SQLException("syntax error", "42601")), rollbackAfterSyntaxError}) {
            ResponseEntity<ProblemDetail> answer = handler.unexpected(e);
            assertThat(answer.getStatusCode().value()).as(e.toString()).isEqualTo(500);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
        }
    }
}
