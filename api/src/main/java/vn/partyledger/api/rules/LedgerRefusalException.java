package vn.partyledger.api.rules;

import org.axonframework.commandhandling.CommandExecutionException;

/**
 * Thrown by command handlers before anything is applied: the command is refused and nothing is stored. Extends Axon's
 * {@link CommandExecutionException} so the {@link Refusal} details reach the caller over Axon Server too.
 */
public class LedgerRefusalException extends CommandExecutionException {

    private final Refusal refusal;

    public LedgerRefusalException(Refusal refusal) {
        super(refusal.message(), null, refusal);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    public static LedgerRefusalException invalid(String field, String message) {
        return new LedgerRefusalException(new Refusal(Refusal.Kind.INVALID_INPUT, field, message, null, null));
    }

    public static LedgerRefusalException rule(RuleOutcome outcome, String field) {
        return new LedgerRefusalException(
                new Refusal(Refusal.Kind.RULE, field, outcome.message(), outcome.rule(), outcome.basis()));
    }

    /**
     * The fact is older than the first version of {@code rule} the ledger holds: refused (422) naming the rule, rather
     * than judged under a later text.
     */
    public static LedgerRefusalException noVersionInForce(String rule, String field, NoVersionInForceException e) {
        return new LedgerRefusalException(new Refusal(Refusal.Kind.RULE, field, "no regulation was in force on "
                + e.date() + " for rule " + rule + ": the first version this ledger holds applies from "
                + e.firstFrom(), rule, null));
    }

    /** A transition the current state does not allow, e.g. recognising a member who is not probationary. */
    public static LedgerRefusalException state(String message) {
        return new LedgerRefusalException(new Refusal(Refusal.Kind.RULE, null, message, null, null));
    }

    public static LedgerRefusalException notFound(String field, String message) {
        return new LedgerRefusalException(new Refusal(Refusal.Kind.NOT_FOUND, field, message, null, null));
    }

    public static LedgerRefusalException conflict(String message) {
        return new LedgerRefusalException(new Refusal(Refusal.Kind.CONFLICT, null, message, null, null));
    }
}
