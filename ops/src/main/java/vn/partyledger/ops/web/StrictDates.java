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

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING || !SHAPE.matcher(p.getText()).matches()) {
            throw new RefusedInput(p, "must be a date written YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(p.getText(), ISO);
        } catch (DateTimeParseException e) {
            throw new RefusedInput(p, "'" + p.getText() + "' is not a calendar date");
        }
        LocalDate latest = LocalDate.now(clock).plusYears(1);
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
            throw new RefusedInput(p, "must lie between " + EARLIEST + " and " + latest);
        }
        return date;
    }
}
