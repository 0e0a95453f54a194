package vn.partyledger.ops.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Business dates only as {@code YYYY-MM-DD}, strictly between {@link #EARLIEST} and a year after today: Jackson's
 * default also reads a day count, a date-time (dropping the time) and years like +999999999, each of which was once
 * stored. The oldest facts the ledger takes over from paper rolls are births and admissions of the 20th century.
 */
final class StrictDates extends StdScalarDeserializer<LocalDate> {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Clock clock;

    StrictDates(Clock clock) {
        super(LocalDate.class);
        this.clock = clock;
    }

    /**
     * A date written {@code YYYY-MM-DD} that is in the calendar (no 30 February, no year 0 and no signed or five-digit
     * years, which ISO parsing reads and PostgreSQL cannot hold); IllegalArgumentException saying what is wrong.
     */
    static LocalDate parse(String text) {
        if (!SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a date written YYYY-MM-DD");
        }
        try {
            LocalDate date = LocalDate.parse(text, ISO);
            if (date.getYear() >= 1) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        throw new IllegalArgumentException("'" + text + "' is not a calendar date");
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new RefusedInput(p, "must be a date written YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = parse(p.getText());
        } catch (IllegalArgumentException e) {
            throw new RefusedInput(p, e.getMessage());
        }
        LocalDate latest = LocalDate.now(clock).plusYears(1);
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
            throw new RefusedInput(p, "must lie between " + EARLIEST + " and " + latest);
        }
        return date;
    }
}
