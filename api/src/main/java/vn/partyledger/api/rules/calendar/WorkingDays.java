package vn.partyledger.api.rules.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days are Monday to Friday. Public holidays are not modelled, so around Tết or 2/9 a deadline counted here
 * falls earlier than the calendar's; every rule that counts working days uses this one count.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** Working days after {@code start} up to and including {@code end}; 0 when {@code end} is not after it. */
    public static long between(LocalDate start, LocalDate end) {
        long count = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                count++;
            }
        }
        return count;
    }
}
