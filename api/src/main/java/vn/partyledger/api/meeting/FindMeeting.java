package vn.partyledger.api.meeting;

/** Query: one meeting as its minutes stand. */
public record FindMeeting(String meetingId) {
}
