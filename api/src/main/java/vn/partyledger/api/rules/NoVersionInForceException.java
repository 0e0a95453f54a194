package vn.partyledger.api.rules;

import java.time.LocalDate;

/**
 * No version of a policy was in force on a date: the fact is older than the first text the ledger holds for the rule.
 * Callers turn it into an outcome that says so (a command refused naming the rule, a read showing "no rule in force"),
 * never into a judgement under a later text.
 */
public class NoVersionInForceException extends RuntimeException {

    private final LocalDate date;
    private final LocalDate firstFrom;

    public NoVersionInForceException(LocalDate date, LocalDate firstFrom) {
        super("no version was in force on " + date + "; the first applies from " + firstFrom);
        this.date = date;
        this.firstFrom = firstFrom;
    }

    public LocalDate date() {
        return date;
    }

    public LocalDate firstFrom() {
        return firstFrom;
    }
}
