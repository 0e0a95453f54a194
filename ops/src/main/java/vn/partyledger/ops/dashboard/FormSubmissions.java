package vn.partyledger.ops.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.partyledger.ops.security.CurrentActor;
import vn.partyledger.api.rules.Refusal;

/**
 * The form's hidden {@code idempotencyKey} (drawn when the form was rendered), kept in the API's idempotency table: a
 * resubmit after a dropped connection leads to the first submission's result page instead of storing the meeting
 * twice. Keys are prefixed so they never meet an API client's {@code Idempotency-Key}. Only successes are kept, so a
 * corrected form after a refusal goes through with the same key.
 */
@Component
class FormSubmissions {

    private static final int IN_PROGRESS = 0;
    private static final int DONE = 303;

    private final JdbcTemplate jdbc;
    private final Labels labels;

    FormSubmissions(JdbcTemplate jdbc, Labels labels) {
        this.jdbc = jdbc;
        this.labels = labels;
    }

    /**
     * Sends a form whose fields are valid, once per key: a submission of the key that went through leads to its page
     * again; one still under way shows the form again with "busy" on {@code errors}; a refusal by a rule is handed to
     * {@code refused} (to put it next to its field) and the form is shown again, with the key freed so the corrected
     * form goes through; any other failure is thrown on. {@code location} is asked after the send, so it can quote
     * the stored position.
     */
    String submit(String key, String formPath, FormErrors errors, Runnable send, Consumer<Refusal> refused,
                  Supplier<String> showAgain, Supplier<String> location) {
        String user = CurrentActor.principal().username();
        Start start = begin(user, key, formPath);
        if (start instanceof AlreadyDone done) {
            return "redirect:" + done.location();
        }
        if (start instanceof Busy) {
            errors.add(null, labels.of("form.busy"));
            return showAgain.get();
        }
        try {
            send.run();
        } catch (RuntimeException e) {
            failed(user, key);
            refused.accept(FormErrors.refusal(e).orElseThrow(() -> e));
            return showAgain.get();
        }
        String next = location.get();
        succeeded(user, key, next);
        return "redirect:" + next;
    }

    sealed interface Start permits Fresh, AlreadyDone, Busy {
    }

    record Fresh() implements Start {
    }

    record AlreadyDone(String location) implements Start {
    }

    record Busy() implements Start {
    }

    Start begin(String username, String key, String formPath) {
        List<Object[]> previous = jdbc.query(
                "SELECT status, location FROM idempotency_key WHERE username = ? AND idem_key = ?",
                (rs, i) -> new Object[] {rs.getInt(1), rs.getString(2)}, username, stored(key));
        if (!previous.isEmpty()) {
            return (int) previous.get(0)[0] == IN_PROGRESS ? new Busy() : new AlreadyDone((String) previous.get(0)[1]);
        }
        try {
            jdbc.update("INSERT INTO idempotency_key (username, idem_key, request_hash, status) VALUES (?, ?, ?, ?)",
                    username, stored(key), sha256(formPath), IN_PROGRESS);
            return new Fresh();
        } catch (DuplicateKeyException raced) {
            return new Busy();
        }
    }

    void succeeded(String username, String key, String location) {
        jdbc.update("UPDATE idempotency_key SET status = ?, location = ? WHERE username = ? AND idem_key = ?",
                DONE, location, username, stored(key));
    }

    void failed(String username, String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE username = ? AND idem_key = ? AND status = ?",
                username, stored(key), IN_PROGRESS);
    }

    Optional<String> validKey(String key) {
        return key == null || key.isBlank() || key.length() > 150 ? Optional.empty() : Optional.of(key);
    }

    private static String stored(String key) {
        return "form:" + key;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
