package vn.partyledger.ops.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.Refusal;

/**
 * Every error of the API as an RFC 9457 problem document: {@code errors[{field, message}]} for input errors, {@code rule}
 * and {@code basis} when a Party regulation refused the command. A user's mistake is never a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), message(f)))
                .toList();
        List<FieldProblem> all = new java.util.ArrayList<>(errors);
        e.getBindingResult().getGlobalErrors().forEach(g -> all.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(all), all, null, null);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors, null, null);
    }

    /**
     * Method validation by a {@code @Validated} bean rather than by Spring MVC's own: the same client mistake, so the
     * same 400 naming the parameter (the last node of the violation's path: {@code coverage.year} names {@code year}).
     */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidConstraints(jakarta.validation.ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> {
                    String name = null;
                    for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
                        name = node.getName();
                    }
                    return new FieldProblem(name, v.getMessage());
                })
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors, null, null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = jme.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return malformed(field, explain(jme));
        }
        if (e.getCause() instanceof JsonMappingException jme) {
            return malformed(null, explain(jme));
        }
        if (e.getCause() instanceof StreamReadException sre) {
            // duplicate keys, trailing garbage, bad tokens: the parser still knows where it was
            String field = sre.getProcessor() != null ? path(sre.getProcessor().getParsingContext()) : null;
            return malformed(field, sre.getOriginalMessage());
        }
        if (e.getCause() == null && e.getMessage() != null && e.getMessage().startsWith("the body")) {
            return malformed(null, e.getMessage());
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", "the body is not valid JSON for this request",
                List.of(), null, null);
    }

    @ExceptionHandler(StrictJson.BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(StrictJson.BodyTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", e.getMessage(), List.of(), null, null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "the API answers application/json",
                List.of(), null, null);
    }

    private ResponseEntity<ProblemDetail> malformed(String field, String message) {
        if (field == null || field.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed request", message, List.of(), null, null);
        }
        List<FieldProblem> errors = List.of(new FieldProblem(field, message));
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", describe(errors), errors, null, null);
    }

    private static String explain(JsonMappingException jme) {
        if (jme instanceof RefusedInput) {
            return jme.getOriginalMessage();
        }
        if (jme instanceof InvalidFormatException ife) {
            return "cannot read '" + ife.getValue() + "' as " + expected(ife.getTargetType());
        }
        if (jme instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (jme instanceof InvalidNullException) {
            return "must not be null";
        }
        if (jme instanceof MismatchedInputException mie) {
            return "must be " + expected(mie.getTargetType());
        }
        return "malformed value";
    }

    /** The JSON pointer of the parser's position as the API names fields: {@code attendance[3].fullName}. */
    private static String path(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        List<FieldProblem> errors = List.of(new FieldProblem(e.getParameterName(), "is required"));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors, null, null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        List<FieldProblem> errors = List.of(new FieldProblem(e.getName(),
                "cannot read '" + e.getValue() + "' as " + expected(e.getRequiredType())));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors, null, null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "no such resource: /" + e.getResourcePath(), List.of(), null, null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage(), List.of(), null, null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "send application/json",
                List.of(), null, null);
    }

    @ExceptionHandler(LedgerRefusalException.class)
    ResponseEntity<ProblemDetail> refused(LedgerRefusalException e) {
        return refusal(e.refusal());
    }

    /** Over a distributed bus the refusal arrives as the details of a generic CommandExecutionException. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Object details = e.getDetails().orElse(null);
        if (details instanceof Refusal refusal) {
            return refusal(refusal);
        }
        if (details instanceof Map<?, ?> map && map.get("kind") != null) {
            return refusal(new Refusal(Refusal.Kind.valueOf(String.valueOf(map.get("kind"))), str(map.get("field")),
                    str(map.get("message")), str(map.get("rule")), str(map.get("basis"))));
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownAggregate(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "no such resource: " + e.getAggregateIdentifier(),
                List.of(), null, null);
    }

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameterException e) {
        List<FieldProblem> errors = List.of(new FieldProblem(e.field(), e.getMessage()));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors, null, null);
    }

    @ExceptionHandler(StaleReadException.class)
    ResponseEntity<ProblemDetail> stale(StaleReadException e) {
        return unavailable("Not caught up yet", e.getMessage(), e.retryAfterSeconds());
    }

    @ExceptionHandler(UnknownResourceException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownResourceException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of(), null, null);
    }

    /** A unique index caught what two simultaneous commands could not see of each other (e.g. M1's one regular meeting). */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class,
            org.springframework.dao.DuplicateKeyException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Conflict",
                "the record was changed concurrently or already exists; reload and retry", List.of(), null, null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), List.of(), null, null);
    }

    @ExceptionHandler({QueryExecutionException.class, CompletionException.class, NoSuchElementException.class})
    ResponseEntity<ProblemDetail> queryFailed(Exception e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof NoSuchElementException
                    || (cause instanceof QueryExecutionException q && q.getDetails().isPresent()
                        && String.valueOf(q.getDetails().get()).contains("NOT_FOUND"))) {
                return problem(HttpStatus.NOT_FOUND, "Not found", cause.getMessage(), List.of(), null, null);
            }
            if (cause instanceof AxonTimeoutException) {
                return readTooLong(e);
            }
            cause = cause.getCause();
        }
        return unexpected(e);
    }

    /**
     * A read the query bus gave up on (axon.timeout.transaction.queries, 60 s). Not the client's doing, and nothing was
     * stored; answered as the service being unable to serve it now, and logged in full for the operators, since a read
     * that slow is a defect to find (the province's tree took two minutes at 10 M events until the query was fixed).
     */
    private ResponseEntity<ProblemDetail> readTooLong(Exception e) {
        log.error("A read exceeded the query time limit", e);
        return unavailable("Read took too long", "the ledger gave up on this read after its time limit; nothing was"
                + " stored. Try again later, or ask for less (an organisation lower in the tree, a page, a shorter"
                + " period)", 60);
    }

    /** A bug of ours, never the user's: logged with its stack trace, answered without one. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            // a subscribing lookup's unique index fires inside the command's unit of work and arrives wrapped
            if (c instanceof org.springframework.dao.DuplicateKeyException || c instanceof ConcurrencyException) {
                return conflict((RuntimeException) c);
            }
        }
        if (causedByLostDatabase(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the ledger could not complete the request; nothing was stored", List.of(), null, null);
    }

    /**
     * The database went away under the request (restarting after a crash, a network failure): not a bug, and the
     * outcome of a commit that was under way when the connection broke is unknown, so "nothing was stored" would not be
     * true. The client is told to come back, and to look before it resends a command.
     */
    private ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.toString());
        return unavailable("Database unavailable", "the ledger's database is unavailable for a moment; the request may"
                + " or may not have been stored, so look before sending it again", 5);
    }

    /** 503 with {@code Retry-After}: the service cannot answer now, and says when to come back. */
    private static ResponseEntity<ProblemDetail> unavailable(String title, String detail, long retryAfterSeconds) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, title, detail, List.of(), null,
                null);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)).body(answer.getBody());
    }

    /**
     * Whether the database's going away caused {@code e}, looking through its causes and, when the work or its commit
     * failed and the rollback after it failed too, through the first failure: Spring then throws the rollback's
     * failure (Hikari's "Connection is closed", which carries no SQLSTATE), keeping the work's failure as the
     * application exception; a failed commit's it only logs (see {@link #connectionLost}).
     */
    private static boolean causedByLostDatabase(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (connectionLost(c)) {
                return true;
            }
            if (c instanceof org.springframework.transaction.TransactionSystemException tse
                    && tse.getApplicationException() != null && causedByLostDatabase(tse.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), 57P01-57P03 (shut down, crashed, starting up), or no connection at all. */
    private static boolean connectionLost(Throwable c) {
        if (c instanceof java.sql.SQLTransientConnectionException
                || c instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
            return true;
        }
        // A commit that failed on a broken connection, then the rollback after it on the connection Hikari has closed
        // since: Spring throws the rollback's failure and only logs the commit's (AbstractPlatformTransactionManager.
        // doRollbackOnCommitException), so the SQLSTATE is gone. Hikari closes a connection under a transaction only
        // when that connection failed.
        if (c instanceof org.springframework.transaction.TransactionSystemException tse
                && tse.getApplicationException() == null && String.valueOf(tse.getMessage()).startsWith("JDBC rollback")
                && tse.getCause() instanceof java.sql.SQLException sql && "Connection is closed".equals(sql.getMessage())) {
            return true;
        }
        if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        return false;
    }

    private ResponseEntity<ProblemDetail> refusal(Refusal r) {
        List<FieldProblem> errors = r.field() == null ? List.of() : List.of(new FieldProblem(r.field(), r.message()));
        return switch (r.kind()) {
            case INVALID_INPUT -> problem(HttpStatus.BAD_REQUEST, "Invalid request", r.message(), errors, null, null);
            case NOT_FOUND -> problem(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown reference", r.message(), errors, null, null);
            case CONFLICT -> problem(HttpStatus.CONFLICT, "Conflict", r.message(), errors, null, null);
            case RULE -> problem(HttpStatus.UNPROCESSABLE_ENTITY, "Refused by a rule", r.message(), errors, r.rule(), r.basis());
        };
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                 List<FieldProblem> errors, String rule, String basis) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        pd.setType(URI.create("about:blank"));
        if (!errors.isEmpty()) {
            pd.setProperty("errors", errors);
        }
        if (rule != null) {
            pd.setProperty("rule", rule);
        }
        if (basis != null) {
            pd.setProperty("basis", basis);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    private static String describe(List<FieldProblem> errors) {
        return errors.isEmpty() ? "invalid request"
                : errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    }

    private static String message(FieldError f) {
        return f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == java.time.LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (type == java.time.Instant.class) {
            return "an instant YYYY-MM-DDThh:mm:ssZ (or with an offset, +07:00)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return type.isRecord() ? "an object" : type.getSimpleName();
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
