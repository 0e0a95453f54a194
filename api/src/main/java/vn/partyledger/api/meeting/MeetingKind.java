package vn.partyledger.api.meeting;

/** Kinds of cell meeting (domain.md §2.3). COMBINED is a regular meeting with a thematic part. */
public enum MeetingKind {
    REGULAR, THEMATIC, COMBINED, EXTRAORDINARY, COMMITTEE_PREP, YEAR_END_REVIEW, CONGRESS;

    /** Counts as the month's regular meeting (M1). */
    public boolean isRegular() {
        return this == REGULAR || this == COMBINED;
    }

    /** Counts toward the quarter's thematic meeting (M2). */
    public boolean isThematic() {
        return this == THEMATIC || this == COMBINED;
    }
}
