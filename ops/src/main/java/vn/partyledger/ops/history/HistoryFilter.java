package vn.partyledger.ops.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What part of a history to read: business dates {@code from}..{@code to} (and {@code asOf}, true on that date: no
 * fact after it), recorded instants {@code recordedFrom}..{@code recordedTo}, {@code knownAt} (only facts recorded by
 * then), fact types by simple name, and the page: {@code after} (cursor) or {@code page}, of {@code size}.
 */
public record HistoryFilter(LocalDate from, LocalDate to, LocalDate asOf, Instant recordedFrom, Instant recordedTo,
                     Instant knownAt, List<String> types, Long after, int page, int size) {
}
