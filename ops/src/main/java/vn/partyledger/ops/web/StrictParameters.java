package vn.partyledger.ops.web;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Dates and instants in a query or a path as strictly as in a body. {@code @DateTimeFormat(iso = DATE)} also reads
 * {@code +999999999-12-31}, which came back as the as-of date of a tree, or as a 500 from the bundle export
 * (PostgreSQL's timestamps end in the year 294276); Spring reads an instant also as milliseconds since 1970
 * ({@code knownAt=-1}) or as a year of ten digits (a 500 from every read that took it). A custom editor is asked
 * before the conversion service, so these rules replace the annotation's for every controller; a refusal is a 400
 * naming the parameter.
 */
@ControllerAdvice
class StrictParameters {

    private static final Pattern INSTANT = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})");
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    @InitBinder
    void strict(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, editor(StrictDates::parse));
        binder.registerCustomEditor(Instant.class, editor(StrictParameters::instant));
    }

    /** {@code 2026-11-28T08:15:00Z} or with an offset ({@code 2026-11-28T15:15:00+07:00}), in the years 1 to 9999. */
    static Instant instant(String text) {
        if (INSTANT.matcher(text).matches()) {
            try {
                Instant instant = OffsetDateTime.parse(text).toInstant();
                if (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST)) {
                    return instant;
                }
            } catch (DateTimeParseException e) {
                // said below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an instant between the years 1 and 9999");
    }

    private static PropertyEditorSupport editor(Function<String, Object> parse) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isEmpty() ? null : parse.apply(text));
            }

            @Override
            public String getAsText() {
                return getValue() == null ? "" : getValue().toString();
            }
        };
    }
}
