package vn.partyledger.api.meeting;

/** One resolution put to the vote: the counts as the minutes record them. */
public record Vote(ResolutionSubject subject, String text, int votesFor, int votesAgainst, int abstentions) {
}
