package vn.partyledger.ops.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.rules.Refusal;
import vn.partyledger.ops.web.Reads;
import vn.partyledger.ops.web.UnknownResourceException;

/** What the rating pages' forms share: reading fields, the row a refusal names, and the position to read after. */
final class RatingForms {

    /** The years the API accepts for rounds and distributions. */
    static final int MIN_YEAR = 1930;
    static final int MAX_YEAR = 2100;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** A refusal names the row as {@code ratings[i].…} or {@code targets[i].…}. */
    private static final Pattern ROW_FIELD = Pattern.compile("^(?:ratings|targets)\\[(\\d+)]");

    private RatingForms() {
    }

    /** The row a refusal names ({@code ratings[3].level} → 3), or null when it names none. */
    static Integer rowOf(String field) {
        if (field == null) {
            return null;
        }
        Matcher m = ROW_FIELD.matcher(field);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** A refusal's text without its field, for showing next to the row it names. */
    static String text(Refusal refusal, Labels labels) {
        FormErrors one = new FormErrors();
        one.add(new Refusal(refusal.kind(), null, refusal.message(), refusal.rule(), refusal.basis()), labels);
        return one.byField().get(FormErrors.GENERAL);
    }

    /** {@code &minPosition=<n>}: the next page waits until the read models show what the command stored. */
    static String positionParameter(HttpServletResponse response) {
        long p = position(response);
        return p < 0 ? "" : "&minPosition=" + p;
    }

    /** The position {@code Commands.send} put on the answer for the last command; -1 when none. */
    static long position(HttpServletResponse response) {
        String header = response.getHeader(Reads.POSITION);
        try {
            return header == null ? -1 : Long.parseLong(header);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The December round rates the year that is ending; before December, the year before. */
    static int defaultYear(BusinessDay day) {
        LocalDate today = day.today();
        return today.getMonthValue() == 12 ? today.getYear() : today.getYear() - 1;
    }

    static String bodyName(Organizations organizations, String bodyId) {
        try {
            return organizations.view(bodyId, null).name();
        } catch (UnknownResourceException e) {
            return bodyId;
        }
    }

    static String authority(Authority a) {
        return a.docNo() + " (" + a.issuer() + (a.issuedOn() == null ? "" : ", "
                + Spreadsheets.DAY.format(a.issuedOn())) + ")";
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static LocalDate date(String value, String field, FormErrors errors, Labels labels) {
        try {
            return LocalDate.parse(value.strip());
        } catch (RuntimeException e) {
            errors.add(field, labels.of("form.badDate"));
            return null;
        }
    }

    /**
     * The business date of a fact, as the API takes it: not before 1900-01-01 and not after today in the business
     * zone ({@code @PastOrPresent} on every command request).
     */
    static LocalDate occurredOn(String value, String field, FormErrors errors, Labels labels, BusinessDay day) {
        LocalDate d = date(value, field, errors, labels);
        if (d != null && (d.isBefore(EARLIEST) || d.isAfter(day.today()))) {
            errors.add(field, labels.of(d.isBefore(EARLIEST) ? "form.badDate" : "form.future"));
            return null;
        }
        return d;
    }

    static Integer parseYear(String value) {
        try {
            int y = Integer.parseInt(value.strip());
            return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Integer parsePercent(String value) {
        try {
            int p = Integer.parseInt(value.strip());
            return p >= 0 && p <= 100 ? p : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E enumOr(Class<E> type, String value, E fallback) {
        E parsed = value == null ? null : parseEnum(type, value);
        return parsed == null ? fallback : parsed;
    }
}
