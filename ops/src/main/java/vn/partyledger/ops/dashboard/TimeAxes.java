package vn.partyledger.ops.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The two time axes a page reads with, from its pickers: {@code asOf}, a business date ("true on"), and
 * {@code knownAt}, a wall-clock time in the business zone as the picker gives it, or an ISO instant as the API takes it
 * ("as recorded by"). A picker that means nothing is put in {@code errors} under its name and left out of the read
 * (a page, not a 400: the person fixes the field and reads on).
 */
record TimeAxes(String asOfText, String knownAtText, LocalDate asOf, Instant knownAt) {

    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** Instants PostgreSQL's timestamptz holds (as the API's HistoryFilter takes them). */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    static TimeAxes parse(String asOf, String knownAt, ZoneId zone, Labels labels, Map<String, String> errors) {
        LocalDate asOfDate = date(asOf, "asOf", labels, errors);
        Instant known = null;
        if (knownAt != null && !knownAt.isBlank()) {
            try {
                String k = knownAt.strip();
                known = k.endsWith("Z") || k.matches(".*[+-]\\d\\d:\\d\\d$") ? OffsetDateTime.parse(k).toInstant()
                        : LocalDateTime.parse(k).atZone(zone).toInstant();
                if (known.isBefore(EARLIEST) || known.isAfter(LATEST)) {
                    throw new IllegalArgumentException("beyond the calendar");
                }
            } catch (RuntimeException e) {
                errors.put("knownAt", labels.of("history.badInstant"));
                known = null;
            }
        }
        return new TimeAxes(asOfDate == null ? "" : asOfDate.toString(),
                known == null ? "" : PICKER.format(known.atZone(zone)), asOfDate, known);
    }

    /** A business date typed in a picker, between the years 1900 and 9999; null when blank or refused. */
    static LocalDate date(String value, String field, Labels labels, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.getYear() < 1900 || d.getYear() > 9999) {
                throw new IllegalArgumentException();
            }
            return d;
        } catch (RuntimeException e) {
            errors.put(field, labels.of("form.badDate"));
            return null;
        }
    }

    /** The axes as query parameters for the page's own links and exports ("asOf=…&knownAt=…&"), or "". */
    String query() {
        StringBuilder q = new StringBuilder();
        if (asOf != null) {
            q.append("asOf=").append(asOf).append('&');
        }
        if (knownAt != null) {
            q.append("knownAt=").append(URLEncoder.encode(knownAt.toString(), StandardCharsets.UTF_8)).append('&');
        }
        return q.toString();
    }
}
