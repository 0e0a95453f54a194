package vn.partyledger.ops.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.partyledger.ops.web.BadParameterException;

/**
 * What part of a history to read: business dates {@code from}..{@code to} (and {@code asOf}, true on that date: no
 * fact after it), recorded instants {@code recordedFrom}..{@code recordedTo}, {@code knownAt} (only facts recorded by
 * then), fact types by simple name, and the page: {@code after} (cursor) or {@code page}, of {@code size}.
 */
public record HistoryFilter(LocalDate from, LocalDate to, LocalDate asOf, Instant recordedFrom, Instant recordedTo,
                     Instant knownAt, List<String> types, Long after, int page, int size) {

    /** Instants PostgreSQL's timestamptz and the JDBC driver both carry; Java's Instant reaches much further. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public HistoryFilter {
        inRange("recordedFrom", recordedFrom);
        inRange("recordedTo", recordedTo);
        inRange("knownAt", knownAt);
    }

    /** Refuses, naming {@code field}, an instant PostgreSQL's calendar cannot hold (the other reads' knownAt too). */
    public static void inRange(String field, Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new BadParameterException(field, "must be an instant between the years 1 and 9999");
        }
    }
}
