package vn.partyledger.ops.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.Refusal;

/**
 * A form's errors by field, for showing each next to its input. A refusal by a Party rule reads "rule T1 (the four
 * clears) — basis: KL 18-KL/TW …" in the page's language; the ledger's own message follows as the detail.
 */
final class FormErrors {

    static final String GENERAL = "_general";

    private final Map<String, String> byField = new LinkedHashMap<>();

    void add(String field, String message) {
        byField.merge(field == null ? GENERAL : field, message, (a, b) -> a + " " + b);
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    Map<String, String> byField() {
        return byField;
    }

    /** The refusal carried by a command failure, locally or over a distributed command bus; empty if it is none. */
    static Optional<Refusal> refusal(RuntimeException e) {
        if (e instanceof LedgerRefusalException l) {
            return Optional.of(l.refusal());
        }
        if (e instanceof CommandExecutionException c) {
            Object details = c.getDetails().orElse(null);
            if (details instanceof Refusal r) {
                return Optional.of(r);
            }
            if (details instanceof Map<?, ?> map && map.get("kind") != null) {
                return Optional.of(new Refusal(Refusal.Kind.valueOf(String.valueOf(map.get("kind"))),
                        str(map.get("field")), str(map.get("message")), str(map.get("rule")), str(map.get("basis"))));
            }
        }
        return Optional.empty();
    }

    void add(Refusal r, Labels labels) {
        String text;
        if (r.rule() != null) {
            text = labels.of("refusal.rule", r.rule(), labels.of("rule." + r.rule()), r.basis())
                    + " " + labels.of("refusal.detail", r.message());
        } else {
            text = labels.of("refusal." + r.kind().name()) + " " + labels.of("refusal.detail", r.message());
        }
        add(r.field(), text);
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
