package vn.partyledger.api.meeting;

/** The fee report read out at the meeting, in VND. */
public record FeeReport(long collected, long spent, long balance) {
}
