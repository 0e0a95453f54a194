package vn.partyledger.query.development;

import java.time.DayOfWeek;
import java.time.LocalDate;
import vn.partyledger.api.rules.Effective;

/**
 * P5 as the read side needs it: the cell must review a probationary member within {@code workingDays} working days
 * (Monday to Friday) after the probation ends. A member still probationary beyond that is an overdue recognition.
 */
record RecognitionReview(String rule, String basis, int workingDays) {

    /** Same version as the command side's MembershipRules (QĐ 24-QĐ/TW, 30/7/2021). */
    static final Effective<RecognitionReview> VERSIONS = Effective.from(LocalDate.of(2021, 7, 30),
            new RecognitionReview("P5", "Điều lệ Đảng 2011, Điều 5; QĐ 24-QĐ/TW (30/7/2021) §4", 30));

    boolean overdue(LocalDate probationEndsOn, LocalDate on) {
        return workingDaysAfter(probationEndsOn, on) > workingDays;
    }

    static long workingDaysAfter(LocalDate start, LocalDate end) {
        long count = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                count++;
            }
        }
        return count;
    }
}
