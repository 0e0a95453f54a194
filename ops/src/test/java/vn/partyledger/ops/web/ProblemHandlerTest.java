package vn.partyledger.ops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void aDatabaseThatWentAwayIsAnswered503WithRetryAfterNotAsOurBug() {
        for (Exception e : new Exception[] {
                new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001")),
                new CommandExecutionException("append failed",
                        new RuntimeException(new SQLException("terminating connection due to crash", "57P02"))),
                new IllegalStateException(new java.sql.SQLTransientConnectionException("pool timed out"))}) {
            ResponseEntity<ProblemDetail> answer = handler.unexpected(e);
            assertThat(answer.getStatusCode().value()).as(e.toString()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(answer.getBody().getDetail()).contains("may or may not have been stored");
        }
    }

    @Test
    void otherFailuresOfTheDatabaseStay500() {
        ResponseEntity<ProblemDetail> answer = handler.unexpected(
                new IllegalStateException(new SQLException("syntax error", "42601")));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
    }
}
