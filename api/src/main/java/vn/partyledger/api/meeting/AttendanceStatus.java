package vn.partyledger.api.meeting;

/** Attendance outcomes (M7): the first three count as attended; the last two are "without legitimate reason" (P12). */
public enum AttendanceStatus {
    PRESENT, LATE, LEFT_EARLY, ABSENT_EXCUSED, ABSENT_REASON_REJECTED, ABSENT_NO_REASON;

    public boolean attended() {
        return this == PRESENT || this == LATE || this == LEFT_EARLY;
    }

    public boolean withoutLegitimateReason() {
        return this == ABSENT_REASON_REJECTED || this == ABSENT_NO_REASON;
    }
}
