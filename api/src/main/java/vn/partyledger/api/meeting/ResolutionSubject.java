package vn.partyledger.api.meeting;

/** What a resolution decides: admission and recognition need two thirds of the official members (P4). */
public enum ResolutionSubject {
    GENERAL, ADMISSION, RECOGNITION
}
